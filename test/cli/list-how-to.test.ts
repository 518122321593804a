// The lines `--list-scenarios` ends with are commands a person copies: run the record and export
// lines exactly as printed (the program name swapped for the built CLI) and check what they make.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CLI, runCli, ndjson } from './run-cli.js';

function runPrinted(line: string, cwd: string) {
  const command = /(kube-ha-lab .*?)(\s{2,}\(.*\))?$/.exec(line)![1];
  const args = command.split(/\s+/).slice(1);
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  return { args, code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('--list-scenarios: the how-to lines work as printed', () => {
  it('the record line writes the cast (and prints the NDJSON); the export line makes the SVG from it', () => {
    const lines = runCli(['--list-scenarios']).stdout.trim().split('\n');
    const record = lines.find((l) => l.startsWith('Record it:'))!;
    const exp = lines.find((l) => l.startsWith('Export it:'))!;
    const dir = mkdtempSync(path.join(tmpdir(), 'kha-howto-'));
    const rec = runPrinted(record, dir);
    expect(rec.code, rec.stderr).toBe(0);
    const cast = rec.args[rec.args.indexOf('--record') + 1];
    expect(existsSync(path.join(dir, cast))).toBe(true);
    expect(ndjson(rec.stdout).at(-1)).toMatchObject({ type: 'end' });
    const ex = runPrinted(exp, dir);
    expect(ex.code, ex.stderr).toBe(0);
    const svg = ex.args[2];
    expect(readFileSync(path.join(dir, svg), 'utf8')).toMatch(/^<svg/);
  }, 180_000);
});
