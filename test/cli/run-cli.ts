// Runs the built CLI (dist/cli.js) as a user would, capturing stdout, stderr and the exit code.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI = path.join(ROOT, 'dist', 'cli.js');

export function runCli(args: string[], opts: { input?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    input: opts.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Parses NDJSON output; throws naming the bad line. */
export function ndjson(text: string): Record<string, unknown>[] {
  return text.trim().split('\n').map((line, i) => {
    try {
      return JSON.parse(line) as Record<string, unknown>;
    } catch {
      throw new Error(`line ${i + 1} is not JSON: ${line.slice(0, 120)}`);
    }
  });
}

/** True when stderr looks like a stack trace rather than a one-line message. */
export function hasStackTrace(stderr: string): boolean {
  return /\n\s+at\s/.test(stderr) || /^\s+at\s/m.test(stderr) || /Error:.*\n.*node:/.test(stderr);
}
