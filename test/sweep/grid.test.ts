// The grid: every cluster flag of the CLI is a knob (and nothing else is), a scenario's setup
// survives being written back as flags, points come in grid order, and each point's config is
// the CLI's own.
import { describe, expect, it } from 'vitest';
import { FLAGS, toOptions } from '../../source/cli/flags.js';
import { KNOB_FLAGS, NOT_KNOBS, flagsOf, gridPoints, gridSize, pointConfig, sortValues } from '../../source/cli/sweep-grid.js';
import { faultFiles, scenarioPlan } from '../../source/cli/sweep-plan.js';
import { listScenarios, loadScenario } from '../../source/scenario/index.js';
import { defaultConfig } from '../../source/sim/config.js';
import path from 'node:path';

describe('knobs', () => {
  it('every CLI flag is either a knob or listed as not one', () => {
    const unsorted = Object.keys(FLAGS).filter((k) => !(k in KNOB_FLAGS) && !NOT_KNOBS.includes(k));
    expect(unsorted).toEqual([]);
    for (const k of Object.keys(KNOB_FLAGS)) expect(FLAGS[k], k).toBeDefined();
  });

  it('a scenario setup written back as flags gives the same config', () => {
    const configs = [
      ...faultFiles().map((f) => scenarioPlan(path.basename(f).replace(/\.ya?ml$/, ''), null).scenario.config),
      ...listScenarios().map((l) => {
        const r = loadScenario(l.name);
        if (!r.ok) throw new Error(r.error);
        return r.scenario.config;
      }),
    ];
    expect(configs.length).toBeGreaterThanOrEqual(16);
    for (const c of configs) expect(pointConfig(c, {}, {})).toEqual(c);
  });

  it("a point's config is toOptions' config with the scenario's setup under the varied knob", () => {
    const base = defaultConfig({ lbPair: true, seed: 9, knobs: { renewDeadlineMs: 5000, retryPeriodMs: 1000 } });
    const c = pointConfig(base, { rps: '200' }, { leaseDuration: '8s', topology: 'external' });
    expect(c.knobs.leaseDurationMs).toBe(8000);
    expect(c.knobs.renewDeadlineMs).toBe(5000);
    expect(c.topology).toBe('external');
    expect(c.lbPair).toBe(true);
    expect(c.rps).toBe(200);
    expect(c.seed).toBe(9);
    expect(c).toEqual({ ...toOptions({ ...flagsOf(base), rps: '200', leaseDuration: '8s', topology: 'external' }, () => 9).config, seed: 9 });
  });
});

describe('grid', () => {
  it('sorts numbers and durations ascending, keeps other values as given', () => {
    expect(sortValues(['1m', '15s', '30s', '900ms'])).toEqual(['900ms', '15s', '30s', '1m']);
    expect(sortValues(['5', '3', '7'])).toEqual(['3', '5', '7']);
    expect(sortValues(['tls', 'readyz'])).toEqual(['tls', 'readyz']);
    expect(sortValues(['off', 'on'])).toEqual(['off', 'on']);
  });

  it('the first --vary changes slowest, values sorted', () => {
    const vary = [{ knob: 'leaseDuration', values: ['30s', '15s'] }, { knob: 'lbCheck', values: ['readyz', 'tls'] }];
    expect(gridSize(vary)).toBe(4);
    expect(gridPoints(vary)).toEqual([
      [['leaseDuration', '15s'], ['lbCheck', 'readyz']],
      [['leaseDuration', '15s'], ['lbCheck', 'tls']],
      [['leaseDuration', '30s'], ['lbCheck', 'readyz']],
      [['leaseDuration', '30s'], ['lbCheck', 'tls']],
    ]);
    expect(gridPoints([])).toEqual([[]]);
  });
});
