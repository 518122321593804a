// The grade of a prediction shows with the next step's narration even when the checks of the
// predicted step are still watching (lesson 03: the new lease holder arrives ~15 s after the
// next step is on screen).
import { describe, expect, it } from 'vitest';
import { createSession } from '../../source/sim/session.js';
import { createState } from '../../source/sim/create.js';
import { loadScenario, scenarioConfig, scenarioDriver } from '../../source/scenario/index.js';
import { advanceDriven, type LessonLog } from '../../source/ui/lesson-log.js';
import { leaseView } from '../../source/sim/views.js';

describe('a prediction graded with the next narration', () => {
  it('lesson 03: n after the answer shows the grade beside step 3, before the checks end', () => {
    const r = loadScenario('03-active-standby-leases');
    if (!r.ok) throw new Error(r.error);
    const d = scenarioDriver(r.scenario, { interactive: true });
    let session = createSession(createState(scenarioConfig(r.scenario)));
    const log: LessonLog = { title: r.scenario.title, say: [], markers: [], checks: [], done: false };
    let crashedHolder: string | null = null;
    for (let i = 0; i < 300 && !(d.view().say ?? '').startsWith('A pod is deleted'); i++) {
      session = advanceDriven(session, 100, d, log);
      const v = d.view();
      if (v.question && v.question.answered === null) {
        crashedHolder = leaseView(session.live, 'kube-controller-manager').holderHost;
        d.answer(1);
      } else if (v.waitingForEnter) d.advance();
    }
    const v = d.view();
    expect(v.say).toMatch(/^A pod is deleted/);
    // The lease still names the crashed master: the step's checks have not ended ...
    expect(crashedHolder).not.toBeNull();
    expect(leaseView(session.live, 'kube-controller-manager').holderHost).toBe(crashedHolder);
    // ... and yet the grade is on screen with this narration, recorded once.
    expect(v.feedback).toMatch(/^✓ Right: About 15–19 seconds/);
    expect(v.predictions).toHaveLength(1);
    // The grade stays through this step and is not given twice when the checks end.
    for (let i = 0; i < 400 && !d.view().done; i++) {
      session = advanceDriven(session, 100, d, log);
      if (d.view().waitingForEnter) d.advance();
    }
    expect(d.view().predictions).toHaveLength(1);
  });
});
