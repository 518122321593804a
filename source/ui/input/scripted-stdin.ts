// A stdin for Ink that takes keys from a keystroke script and, when there is a terminal, from the
// keyboard too. It looks like a TTY to Ink (isTTY, setRawMode, ref/unref), so useInput works even
// when the real stdin is not a terminal (an unattended demo run with </dev/null).
import { PassThrough } from 'node:stream';
import process from 'node:process';

export type ScriptedStdin = NodeJS.ReadStream & {
  /** Pushes bytes as if typed (what runKeyScript's writeKey should call). */
  pushKeys(seq: string): void;
  /** Detaches from the real stdin and ends the stream. */
  close(): void;
};

/**
 * Creates the stdin to give Ink's render({ stdin }). `real` (default process.stdin) is forwarded
 * only when it is a TTY; raw mode and ref/unref are passed on to it so the terminal is restored
 * and the process can exit when Ink lets go.
 */
export function createScriptedStdin(real: NodeJS.ReadStream | null = process.stdin): ScriptedStdin {
  const pass = new PassThrough({ encoding: 'utf8' });
  const tty = real && real.isTTY ? real : null;
  let attached = false;
  const forward = (chunk: Buffer | string) => {
    if (!pass.writableEnded) pass.write(chunk);
  };
  const attach = () => {
    if (!tty || attached) return;
    attached = true;
    tty.on('data', forward);
    tty.resume();
  };
  const detach = () => {
    if (!tty || !attached) return;
    attached = false;
    tty.off('data', forward);
    tty.pause();
  };
  const self = pass as unknown as ScriptedStdin & { isTTY: boolean; setRawMode(m: boolean): unknown; ref(): unknown; unref(): unknown };
  self.isTTY = true;
  self.setRawMode = (mode: boolean) => {
    if (tty && typeof tty.setRawMode === 'function') {
      try {
        tty.setRawMode(mode);
      } catch {
        // The terminal went away; the script still runs.
      }
    }
    if (mode) attach();
    else detach();
    return self;
  };
  self.ref = () => {
    tty?.ref?.();
    return self;
  };
  self.unref = () => {
    detach();
    tty?.unref?.();
    return self;
  };
  self.pushKeys = (seq: string) => {
    if (!pass.writableEnded) pass.write(seq);
  };
  self.close = () => {
    detach();
    if (!pass.writableEnded) pass.end();
  };
  return self;
}
