// Interactive recording: the proxy stdout records exactly what Ink drew; a killed recording is
// still a valid cast up to its last complete event.
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Text, render } from 'ink';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCast } from '../../source/record/asciicast.js';
import { memoryCastSink } from '../../source/record/cast-sink.js';
import { recordStdout, startInteractiveRecording } from '../../source/record/record-stdout.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kha-rec-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

class FakeTerm extends EventEmitter {
  isTTY = true;
  columns = 80;
  rows = 24;
  written: string[] = [];
  write(chunk: string | Uint8Array, enc?: unknown, cb?: unknown): boolean {
    this.written.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const done = typeof enc === 'function' ? enc : cb;
    if (typeof done === 'function') (done as () => void)();
    return true;
  }
}

describe('recordStdout', () => {
  it('forwards every write and records it at the clock offset', () => {
    const term = new FakeTerm();
    const sink = memoryCastSink({ version: 2, width: 80, height: 24 });
    let now = 1000;
    const rec = recordStdout(term as unknown as NodeJS.WriteStream, sink, () => now);
    rec.write('hello ');
    now = 1250.5;
    rec.write(Buffer.from('wörld', 'utf8'));
    now = 1500;
    term.columns = 100;
    term.rows = 30;
    term.emit('resize');
    expect(rec.columns).toBe(100); // live properties of the real stream
    expect(rec.isTTY).toBe(true);
    rec.stopRecording();
    rec.write('not recorded');
    expect(term.written).toEqual(['hello ', 'wörld', 'not recorded']);
    expect(parseCast(sink.text()).events).toEqual([[0, 'o', 'hello '], [0.2505, 'o', 'wörld'], [0.5, 'r', '100x30']]);
  });

  it('keeps a UTF-8 character split across two buffers whole', () => {
    const term = new FakeTerm();
    const sink = memoryCastSink({ version: 2, width: 80, height: 24 });
    const rec = recordStdout(term as unknown as NodeJS.WriteStream, sink, () => 0);
    const bytes = Buffer.from('é', 'utf8');
    rec.write(bytes.subarray(0, 1));
    rec.write(bytes.subarray(1));
    expect(parseCast(sink.text()).events.map((e) => e[2]).join('')).toBe('é');
  });

  it('an Ink app drawn through it: the cast holds exactly what reached the terminal', () => {
    const term = new FakeTerm();
    const file = path.join(dir, 'ink.cast');
    const rec = startInteractiveRecording(file, { stdout: term as unknown as NodeJS.WriteStream, title: 'ink', timestamp: 0 });
    const ink = render(<Text>etcd leader master-1</Text>, { stdout: rec.stdout, stdin: new EventEmitter() as unknown as NodeJS.ReadStream, patchConsole: false, exitOnCtrlC: false, debug: true });
    ink.rerender(<Text>etcd leader master-2</Text>);
    ink.unmount();
    rec.stop();
    const p = parseCast(fs.readFileSync(file, 'utf8'));
    expect(p.problems).toEqual([]);
    expect(p.header).toMatchObject({ version: 2, width: 80, height: 24, timestamp: 0, title: 'ink' });
    expect(p.events.map((e) => e[2]).join('')).toBe(term.written.join(''));
    expect(term.written.join('')).toContain('master-2');
  });

  it('a recording error does not reach the writer', () => {
    const term = new FakeTerm();
    const errors: string[] = [];
    const rec = startInteractiveRecording(path.join(dir, 'missing', 'x.cast'), { stdout: term as unknown as NodeJS.WriteStream, onError: (m) => errors.push(m) });
    expect(() => rec.stdout.write('frame')).not.toThrow();
    expect(term.written).toEqual(['frame']);
    expect(errors).toHaveLength(1);
    expect(errors[0]).not.toContain('\n');
    rec.stop();
  });
});

describe('kill -9 mid-recording', () => {
  it('leaves a valid cast: every complete line parses, times in order', async () => {
    const file = path.join(dir, 'killed.cast');
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'fixtures/kill-child.tsx'), file], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += String(d); });
    const exited = new Promise<NodeJS.Signals | number | null>((r) => child.on('exit', (code, sig) => r(sig ?? code)));
    // Wait until the child has written a good number of frames, then kill it hard.
    const deadline = Date.now() + 30_000;
    let lines = 0;
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
      if (child.exitCode !== null) break;
      try {
        lines = fs.readFileSync(file, 'utf8').split('\n').length;
      } catch {
        lines = 0;
      }
      if (lines > 60) break;
    }
    expect(child.exitCode, `child exited early: ${stderr}`).toBeNull();
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const text = fs.readFileSync(file, 'utf8');
    const p = parseCast(text, { allowTruncatedTail: true });
    expect(p.problems).toEqual([]);
    expect(p.header).toMatchObject({ version: 2, width: 100, height: 30, title: 'kill test' });
    expect(p.events.length).toBeGreaterThan(50);
    expect(p.events.at(-1)![2]).toContain('etcd lease frame');
  }, 60_000);
});
