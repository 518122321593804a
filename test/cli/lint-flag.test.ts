// `--lint FILE`: every finding as file:line, exit 1 if any, 0 for a clean lesson, 2 for a bad flag.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from './run-cli.js';

const BAD = `title: t
setup: { lbPair: true }
steps:
  - at: 1s
    say: lb-1 crashes; the VIP moves after about 3.6 s.
    do: crash
    target: lb-1
    ask:
      question: How long?
      choices: [At once, About 3.6 s]
      answer: 1
    expect:
      - lb: { vip: lb-2 }
`;

describe('--lint', () => {
  it('prints every finding with its line and exits 1', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'lint-')), 'bad.yaml');
    writeFileSync(file, BAD);
    const r = runCli(['--lint', file]);
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^${file.replace(/[.\\/]/g, '\\$&')}:5: reveals-answer: step 1: `)),
      expect.stringMatching(/:4: no-focus: step 1: /),
      expect.stringMatching(/:13: instant-window: step 1: "VIP on lb-2"/),
    ]);
  });

  it('exits 0 for a built-in lesson, 2 for a missing file', () => {
    const ok = runCli(['--lint', 'scenarios/07-quorum.yaml']);
    expect([ok.code, ok.stdout.trim()]).toEqual([0, 'scenarios/07-quorum.yaml: no findings']);
    const missing = runCli(['--lint', 'no-such-file.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
  });
});
