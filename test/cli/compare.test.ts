// --compare and --compare-scenario: cluster B is cluster A with the knob changed (same seed), named
// by the knob's values; every bad input is one line and exit 2.
import { describe, expect, it } from 'vitest';
import { compareConfig, compareKnobs } from '../../source/cli/compare-args.js';
import { defaultConfig } from '../../source/sim/config.js';
import { UsageError } from '../../source/cli/flags.js';
import { runCli, hasStackTrace, ndjson } from './run-cli.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const a = defaultConfig({ seed: 7 });

describe('compareConfig', () => {
  it('changes only the knob, keeps the seed, and names both sides by the knob value', () => {
    const r = compareConfig(a, 'topology=external');
    expect(r.config.topology).toBe('external');
    expect(r.config.seed).toBe(7);
    expect({ ...r.config, topology: a.topology }).toEqual(a);
    expect([r.labelA, r.labelB]).toEqual(['stacked', 'external']);
  });

  it('takes several knobs, durations and switches with the flags own validation', () => {
    const r = compareConfig(a, 'lease-duration=30s,pre-vote=off');
    expect(r.config.knobs.leaseDurationMs).toBe(30_000);
    expect(r.config.knobs.preVote).toBe(false);
    expect([r.labelA, r.labelB]).toEqual(['lease-duration 15s, pre-vote on', 'lease-duration 30s, pre-vote off']);
  });

  it.each([
    ['topolgy=external', /unknown knob "topolgy" \(did you mean topology\?\)/],
    ['topology=foo', /--topology must be one of stacked, external \(got "foo"\)/],
    ['topology=stacked', /already has that setting/],
    ['seed=3', /not a knob/],
    ['rps', /KNOB=VALUE/],
    ['masters=9', /--masters must be an integer from 1 to 7/],
  ])('%s is a usage error', (spec, message) => {
    expect(() => compareConfig(a, spec)).toThrow(UsageError);
    expect(() => compareConfig(a, spec)).toThrow(message);
  });

  it('rejects a knob given twice', () => {
    expect(() => compareKnobs('rps=10,rps=20')).toThrow(/given twice/);
  });
});

describe('the CLI', () => {
  it.each([
    [['--compare', 'topology=external', '--headless', '--snapshot-every', '5s'], /not snapshots: drop --snapshot-every/],
    [['--compare', 'topology=external', '--script', 'test/fixtures/faults.json'], /--script applies to a comparison with --headless only/],
    [['--compare', 'topolgy=external'], /unknown knob "topolgy"/],
    [['--compare', 'rps=lots'], /--rps must be an integer/],
    [['--compare-scenario', 'no-such-lesson'], /--compare-scenario: no scenario "no-such-lesson"/],
    [['--compare', 'rps=10', '--compare-scenario', '07-quorum'], /cannot be combined/],
    [['--compare', 'rps=10', '--scenario', '07-quorum'], /cannot be combined with --scenario/],
  ])('%j: one line, exit 2', (args, message) => {
    const r = runCli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });
});

describe('--compare --headless', () => {
  it('runs the same timed actions on both clusters and prints both ledgers and their difference', () => {
    const script = path.join(mkdtempSync(path.join(tmpdir(), 'kha-cmp-')), 'crash.json');
    writeFileSync(script, '[{"at": "10s", "do": "crash", "target": "master-1"}]');
    const r = runCli(['--headless', '--seed', '7', '--compare', 'topology=external', '--script', script, '--duration', '40s']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = ndjson(r.stdout);
    expect(lines.map((l) => l.type)).toEqual(['start', 'outage', 'outage', 'difference', 'end']);
    const [, oa, ob, diff] = lines;
    expect([oa.side, oa.label, oa.fault, oa.at]).toEqual(['a', 'stacked', 'crash master-1', 10_000]);
    expect([ob.side, ob.label, ob.fault, ob.at]).toEqual(['b', 'external', 'crash master-1', 10_000]);
    // External etcd does not lose a member when a master crashes; stacked etcd does.
    expect(ob.etcdLeaderlessMs).toBe(0);
    expect(oa.etcdLeaderlessMs).toBeGreaterThan(0);
    expect(diff.differs).toBe(true);
    expect(diff.message).toMatch(/etcd leaderless 0\.0 s vs (stacked )?\d+\.\d s/);
  });
});
