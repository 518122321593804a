// Every built-in lesson passes headless: each expectation proves the behaviour it narrates.
import { describe, expect, it } from 'vitest';
import { listScenarios, loadScenario, runScenarioHeadless } from '../../source/scenario/index.js';

const lessons = listScenarios();

describe('built-in lessons', () => {
  it('there are lessons for the whole story (at least 9), each with a title and description', () => {
    expect(lessons.length).toBeGreaterThanOrEqual(9);
    for (const l of lessons) {
      expect(l.title.length).toBeGreaterThan(5);
      expect(l.description.length).toBeGreaterThan(10);
    }
  });

  for (const l of lessons) {
    it(`${l.name} passes headless`, () => {
      const r = loadScenario(l.name);
      if (!r.ok) throw new Error(r.error);
      const out = runScenarioHeadless(r.scenario, { tailMs: 1000 });
      const failed = out.checks.filter((c) => !c.ok).map((c) => `step ${c.step}: ${c.expect} (saw ${c.actual})`);
      expect(failed).toEqual([]);
      expect(out.checks.length).toBeGreaterThanOrEqual(3);
      // Every lesson marks its key moments and asks or narrates along the way.
      expect(r.scenario.steps.some((s) => s.say)).toBe(true);
    });
  }

  it('lessons ask prediction questions', () => {
    const asking = lessons.filter((l) => {
      const r = loadScenario(l.name);
      return r.ok && r.scenario.steps.some((s) => s.ask);
    });
    expect(asking.length).toBeGreaterThanOrEqual(5);
  });

  it('a lesson is deterministic: same seed, same checks at the same times', () => {
    const r = loadScenario('03-active-standby-leases');
    if (!r.ok) throw new Error(r.error);
    const a = runScenarioHeadless(r.scenario);
    const b = runScenarioHeadless(r.scenario);
    expect(JSON.stringify(a.checks)).toBe(JSON.stringify(b.checks));
  });

  it('a lesson can also be run by short name', () => {
    expect(loadScenario('quorum').ok).toBe(true);
  });
});
