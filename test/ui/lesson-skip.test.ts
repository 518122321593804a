// --step N: a lesson starts with step N on screen, held before its action, the earlier steps run.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../source/sim/session.js';
import { createState } from '../../source/sim/create.js';
import { loadScenario, scenarioConfig, scenarioDriver } from '../../source/scenario/index.js';
import { skipToStep } from '../../source/ui/lesson-skip.js';

function startAt(step: number) {
  const r = loadScenario('09-lb-single-point-of-failure');
  if (!r.ok) throw new Error(r.error);
  const d = scenarioDriver(r.scenario, { interactive: true });
  const s = skipToStep(createSession(createState(scenarioConfig(r.scenario))), d, step);
  return { d, s };
}

describe('starting a lesson at a step', () => {
  it('holds step 2 (its question) at its time, before its crash', () => {
    const { d, s } = startAt(2);
    const v = d.view();
    expect([v.step, v.holding, v.question?.text]).toEqual([1, true, 'How long until the VIP moves?']);
    expect(s.live.t).toBe(5000);
    expect(s.live.lb.vipHolder).toBe('lb-1');
  });

  it('runs the steps before step 3, their faults included, without recording their questions', () => {
    const { d, s } = startAt(3);
    const v = d.view();
    expect([v.step, v.holding, v.question]).toEqual([2, true, null]);
    expect(s.live.t).toBe(10_000);
    expect(s.live.lb.vipHolder).toBe('lb-2');
    expect(v.predictions).toEqual([]);
  });
});
