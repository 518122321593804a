// A scenario or --script file with several problems reports every one at once, each as
// `file:line: problem` in file order, at most 20 and then how many more; a bad @role lists the roles.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseScenario, ScenarioError } from '../../source/scenario/load.js';
import { parseActionScript, ScriptError } from '../../source/cli/script.js';
import { defaultConfig } from '../../source/sim/config.js';
import { runCli, hasStackTrace } from '../cli/run-cli.js';

function scenarioProblems(text: string): string[] {
  try {
    parseScenario(text, 'bad.yaml', 'bad');
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as Error).message.split('\n');
  }
  throw new Error('expected the scenario to be rejected');
}

function scriptProblems(text: string): string[] {
  try {
    parseActionScript(text, 'faults.yaml', defaultConfig({ seed: 1 }));
  } catch (e) {
    expect(e).toBeInstanceOf(ScriptError);
    return (e as Error).message.split('\n');
  }
  throw new Error('expected the script to be rejected');
}

const SCENARIO = `title: many problems
setup:
  masters: 3
steps:
  - at: soon
    do: crash
  - at: 6s
    do: crash
    target: "@kcm-leadr"
    expect:
      - lease: kube-scheduler
        holder: { is: "@sched-leader" }
  - at: 7s
    do: cut
    from: master-1
    to: master-1
    rps: 5
  - at: 8s
    do: set-rps
    rps: -3
  - at: 9s
    do: crash
    target: master-7
`;

describe('a scenario file with several problems', () => {
  it('reports each on its own line, with its line, in file order', () => {
    const lines = scenarioProblems(SCENARIO);
    expect(lines).toEqual([
      expect.stringMatching(/^bad\.yaml:5: steps\.0\.at: must be a duration/),
      expect.stringMatching(/^bad\.yaml:5: steps\.0: do: crash needs "target"/),
      expect.stringMatching(/^bad\.yaml:9: steps\.1\.target: unknown role @kcm-leadr; valid: @kcm-leader, @scheduler-leader, @etcd-leader, @etcd-follower/),
      expect.stringMatching(/^bad\.yaml:12: steps\.1\.expect\.0\.holder\.is: unknown role @sched-leader; valid: @kcm-leader/),
      expect.stringMatching(/^bad\.yaml:16: steps\.2\.to: a link needs two different nodes/),
      expect.stringMatching(/^bad\.yaml:17: steps\.2\.rps: "rps" does not go with do: cut/),
      expect.stringMatching(/^bad\.yaml:20: steps\.3\.rps: "rps" must be an integer from 0 to 10000 \(got -3\)/),
      expect.stringMatching(/^bad\.yaml:23: steps\.4\.target: no node named "master-7"/),
    ]);
  });

  it('shows the first 20 and says how many more there are', () => {
    const steps = Array.from({ length: 25 }, (_, i) => `  - at: ${i + 1}s\n    do: crash\n    target: master-${i + 10}\n`).join('');
    const lines = scenarioProblems(`title: too many\nsteps:\n${steps}`);
    expect(lines).toHaveLength(21);
    expect(lines[0]).toMatch(/^bad\.yaml:5: .*"master-10"/);
    expect(lines[19]).toMatch(/"master-29"/);
    expect(lines[20]).toBe('… and 5 more');
  });
});

describe('a --script file with several problems', () => {
  const SCRIPT = [
    '- at: 1s', '  do: explode', //               entry 1: unknown action (line 2)
    '- at: 2s', '  do: crash', '  target: "@etcd-leader"', // entry 2: roles are for scenario files (line 5)
    '- at: 3s', '  do: set-pre-vote', '  enabled: "yes"', // entry 3 (line 8)
    '- do: heal-all', //                          entry 4: no time (line 9)
    '- at: 4s', '  do: kill', '  target: worker-1', '  component: apiserver', // entry 5 (line 12)
  ].join('\n');

  it('reports every entry that is wrong, each with its line', () => {
    const lines = scriptProblems(SCRIPT);
    expect(lines).toEqual([
      expect.stringMatching(/^faults\.yaml:2: entry 1: "do" must be one of "crash"/),
      expect.stringMatching(/^faults\.yaml:5: entry 2: "target": no node named "@etcd-leader" \(roles like @etcd-leader work in scenario files/),
      expect.stringMatching(/^faults\.yaml:8: entry 3: "enabled" must be true or false/),
      expect.stringMatching(/^faults\.yaml:9: entry 4: needs a time/),
      expect.stringMatching(/^faults\.yaml:12: entry 5: "kill" of a component needs a master/),
    ]);
  });

  it('through the CLI: all the lines, exit 2, no stack trace', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kha-problems-'));
    const f = path.join(dir, 'faults.yaml');
    writeFileSync(f, SCRIPT);
    const r = runCli(['--headless', '--script', f]);
    expect(r.code).toBe(2);
    expect(hasStackTrace(r.stderr)).toBe(false);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines.every((l) => l.includes(`${f}:`))).toBe(true);
  });
});
