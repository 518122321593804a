// Malformed scenario files are rejected before anything runs, with the file, the line and the problem.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadScenario } from '../../source/scenario/index.js';
import { runCli, hasStackTrace } from '../cli/run-cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'kha-scn-'));
let n = 0;
function fileWith(text: string): string {
  const p = path.join(dir, `bad-${++n}.yaml`);
  writeFileSync(p, text);
  return p;
}

const ok = `title: fine
setup:
  masters: 3
steps:
  - at: 5s
    do: crash
    target: master-1
    expect:
      - lb: { backend: master-1, state: DOWN }
        within: 7s
`;

const cases: [string, string, number, RegExp][] = [
  ['YAML syntax error', 'title: x\nsteps:\n  - at: 5s\n    do: crash\n     target: master-1\n', 4, /not valid YAML/],
  ['unknown action', 'title: x\nsteps:\n  - at: 5s\n    do: explode\n', 4, /steps\.0\.do: must be one of/],
  ['bad duration', 'title: x\nsteps:\n  - at: soon\n    do: heal-all\n', 3, /steps\.0\.at: must be a duration/],
  ['missing target', 'title: x\nsteps:\n  - at: 5s\n    do: crash\n', 3, /do: crash needs "target"/],
  ['target not in the cluster', 'title: x\nsetup:\n  masters: 3\nsteps:\n  - at: 5s\n    do: crash\n    target: master-5\n', 7, /no node named "master-5"/],
  ['etcd node in a stacked cluster', 'title: x\nsteps:\n  - at: 5s\n    do: crash\n    target: etcd-1\n', 5, /no node named "etcd-1"/],
  ['both at and after', 'title: x\nsteps:\n  - at: 5s\n    after: 2s\n    do: heal-all\n', 4, /one of at, after or wait, not at and after/],
  ['bad expectation', 'title: x\nsteps:\n  - at: 5s\n    do: heal-all\n    expect:\n      - weather: sunny\n', 6, /steps\.0\.expect\.0: not a known form/],
  ['wrong type', 'title: x\nsetup:\n  masters: three\nsteps:\n  - at: 1s\n', 3, /setup\.masters: expected number/],
  ['unknown key', 'title: x\nsetup:\n  masterz: 3\nsteps:\n  - at: 1s\n', 3, /setup: unknown key "masterz"/],
  ['empty steps', 'title: x\nsteps: []\n', 2, /at least one step/],
  ['ask answer out of range', 'title: x\nsteps:\n  - at: 1s\n    ask:\n      question: q?\n      choices: [a, b]\n      answer: 2\n', 7, /ask\.answer 2 is not one of the 2 choices/],
  ['masters out of range', 'title: x\nsetup:\n  masters: 9\nsteps:\n  - at: 1s\n', 3, /setup\.masters/],
  ['field that does not go with the action', 'title: x\nsteps:\n  - at: 1s\n    do: heal-all\n    target: master-1\n', 5, /"target" does not go with do: heal-all/],
  ['steps out of order', 'title: x\nsteps:\n  - at: 9s\n    do: heal-all\n  - at: 5s\n    do: heal-all\n', 5, /earlier than the step before/],
  ['invalid knobs together', 'title: x\nsetup:\n  knobs:\n    leaseDuration: 5s\nsteps:\n  - at: 1s\n', 4, /leaseDuration must be greater than renewDeadline/],
  ['no title', 'steps:\n  - at: 1s\n', 1, /title/],
];

describe('scenario validation', () => {
  it('a .json scenario is strict JSON: a trailing comma is an error with its line', () => {
    const p = path.join(dir, 'trailing.json');
    writeFileSync(p, '{\n  "title": "x",\n  "steps": [{ "at": "1s", "do": "heal-all" }],\n}\n');
    const r = loadScenario(p);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/trailing\.json:4: not valid JSON/);
    writeFileSync(p, '{\n  "title": "x",\n  "steps": [{ "at": "1s", "do": "heal-all" }]\n}\n');
    expect(loadScenario(p).ok).toBe(true);
  });

  it('a good file loads', () => {
    const r = loadScenario(fileWith(ok));
    expect(r.ok).toBe(true);
  });

  for (const [name, text, line, msg] of cases) {
    it(`rejects: ${name} (file, line ${line}, problem)`, () => {
      const f = fileWith(text);
      const r = loadScenario(f);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.startsWith(`${f}:${line}: `)).toBe(true);
      expect(r.error).toMatch(msg);
      expect(r.error).not.toContain('\n');
    });
  }

  it('through the CLI: one line, exit 2, no stack trace', () => {
    const f = fileWith(cases[4][1]);
    const r = runCli(['--headless', '--scenario', f]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`${f}:7:`);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('an unknown lesson name lists the built-in ones', () => {
    const r = runCli(['--headless', '--scenario', 'no-such-lesson']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no scenario "no-such-lesson".*03-active-standby-leases/);
  });

  it('a lesson headless through the CLI prints check lines and exits 0; a failing expectation exits 1', () => {
    const good = runCli(['--headless', '--scenario', '04-graceful-stop-vs-crash']);
    expect(good.code).toBe(0);
    const checks = good.stdout.trim().split('\n').map((l) => JSON.parse(l)).filter((l) => l.type === 'check');
    expect(checks.length).toBeGreaterThanOrEqual(3);
    expect(checks.every((c) => c.ok)).toBe(true);
    const failing = fileWith('title: wrong on purpose\nsteps:\n  - at: 5s\n    do: crash\n    target: master-1\n    expect:\n      - lb: { backend: master-1, state: DOWN }\n        within: 2s\n');
    const bad = runCli(['--headless', '--scenario', failing]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('"ok":false');
  });

  it('--list-scenarios prints every lesson', () => {
    const r = runCli(['--list-scenarios']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').length).toBeGreaterThanOrEqual(9);
  });
});
