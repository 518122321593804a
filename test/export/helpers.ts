// Small casts made in the test, and readers for what export writes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eventLine, headerLine, type CastHeader } from '../../source/record/asciicast.js';

export type Ev = [number, 'o' | 'm' | 'r', string];

export function castText(events: Ev[], header: Partial<CastHeader> = {}): string {
  return headerLine({ version: 2, width: 40, height: 6, ...header }) + events.map(([t, c, d]) => eventLine(t, c, d)).join('');
}

export function tmpDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'kha-export-'));
}

/** A cast with a counter that changes each second, a pause, and markers "start", "middle", "end". */
export function counterCast(): string {
  const ev: Ev[] = [[0, 'o', '\u001b[H\u001b[2Jcount 0'], [0, 'm', 'start']];
  for (let i = 1; i <= 4; i++) ev.push([i, 'o', `\u001b[1;7H${i}`]);
  ev.push([4, 'm', 'middle']);
  // A 20 s pause, then more.
  for (let i = 5; i <= 8; i++) ev.push([20 + i - 5, 'o', `\u001b[1;7H${i}`]);
  ev.push([23, 'm', 'end']);
  ev.push([24, 'o', '\u001b[2;1Hdone']);
  return castText(ev);
}

/** Logical screen size and the number of image frames of a GIF, walking its blocks. */
export function gifInfo(b: Uint8Array): { width: number; height: number; frames: number; delaysCs: number[] } {
  const sig = Buffer.from(b.subarray(0, 6)).toString('latin1');
  if (sig !== 'GIF89a' && sig !== 'GIF87a') throw new Error(`not a GIF: ${sig}`);
  const width = b[6] | (b[7] << 8);
  const height = b[8] | (b[9] << 8);
  let p = 13;
  if (b[10] & 0x80) p += 3 * (1 << ((b[10] & 7) + 1));
  let frames = 0;
  const delaysCs: number[] = [];
  const skipSubBlocks = () => {
    while (b[p] !== 0) p += b[p] + 1;
    p++;
  };
  for (;;) {
    const block = b[p++];
    if (block === 0x3b) break;
    if (block === 0x21) {
      const label = b[p++];
      if (label === 0xf9) delaysCs.push(b[p + 2] | (b[p + 3] << 8));
      skipSubBlocks();
    } else if (block === 0x2c) {
      frames++;
      const flags = b[p + 8];
      p += 9;
      if (flags & 0x80) p += 3 * (1 << ((flags & 7) + 1));
      p++; // LZW minimum code size
      skipSubBlocks();
    } else throw new Error(`bad GIF block 0x${block?.toString(16)} at ${p - 1}`);
  }
  return { width, height, frames, delaysCs };
}

/** Runs `kube-ha-lab export` in-process; returns the exit code and what it printed. */
export async function runExportCli(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const { runExport } = await import('../../source/export/run.js');
  const out: string[] = [];
  const err: string[] = [];
  const code = await runExport(args, { stdout: (l) => out.push(l), stderr: (l) => err.push(l) });
  return { code, out, err };
}
