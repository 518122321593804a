// A whole lesson driven as a person would (answer, n), without the App: the clock holds while a
// question or narration waits, and the end shows the summary with the ledger of its faults.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../source/sim/session.js';
import { createState } from '../../source/sim/create.js';
import { loadScenario, scenarioConfig, scenarioDriver } from '../../source/scenario/index.js';
import { advanceDriven, type LessonLog } from '../../source/ui/lesson-log.js';
import { lessonSummary } from '../../source/ui/lesson-summary.js';

const text = (lines: { t: string }[][]) => lines.map((l) => l.map((x) => x.t).join('')).join('\n');

describe('a lesson to its summary', () => {
  it('holds the clock while asking, then sums up predictions, checks and the faults it made', () => {
    const r = loadScenario('09-lb-single-point-of-failure');
    if (!r.ok) throw new Error(r.error);
    const d = scenarioDriver(r.scenario, { interactive: true });
    let session = createSession(createState(scenarioConfig(r.scenario)));
    const log: LessonLog = { title: r.scenario.title, say: [], markers: [], checks: [], done: false };
    let asked = 0;
    for (let i = 0; i < 400 && !d.view().done; i++) {
      session = advanceDriven(session, 1000, d, log);
      const v = d.view();
      if (v.holding) {
        // Held: a second of wall time moves nothing.
        const t = session.live.t;
        session = advanceDriven(session, 1000, d, log);
        expect(session.live.t).toBe(t);
      }
      if (v.question && v.question.answered === null) {
        asked++;
        // The fault has not happened yet while its question is open.
        expect(session.live.lb.vipHolder).toBe('lb-1');
        d.answer(v.question.text.startsWith('How long until the VIP moves') ? 0 : 1);
      } else if (v.waitingForEnter) d.advance();
    }
    const v = d.view();
    expect(v.done).toBe(true);
    expect(asked).toBe(1);
    const summary = text(lessonSummary(v, log.checks, session.live, 200));
    expect(summary).toContain('Predictions: 0 of 1 right');
    expect(summary).toContain('✗ How long until the VIP moves? (you said Instantly; it was About 3.6 seconds)');
    expect(summary).toMatch(new RegExp(`Checks: ${log.checks.filter((c) => c.ok).length} of ${log.checks.length} passed`));
    expect(log.checks.length).toBeGreaterThan(3);
    expect(summary).toMatch(/00:05\.0 crash lb-1: /);
    expect(summary).toContain('Try next');
  });
});
