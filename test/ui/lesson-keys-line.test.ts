// The footer of a lesson offers n/Enter only while the lesson waits for it: during a countdown or
// an open question the key would do nothing, and the status line says what the lesson waits for.
// Checked through whole lessons, in the normal layout and in presenter mode.
import { describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../source/sim/session.js';
import { createState } from '../../source/sim/create.js';
import { loadScenario, scenarioConfig, scenarioDriver } from '../../source/scenario/index.js';
import { advanceDriven, type LessonLog } from '../../source/ui/lesson-log.js';
import { layout, type LayoutIn } from '../../source/ui/layout.js';
import { presenterLayout } from '../../source/ui/presenter/presenter-layout.js';

const text = (l: { t: string }[]) => l.map((x) => x.t).join('');

describe('n/⏎ in a lesson footer', () => {
  it('shows exactly when n/Enter would move the lesson on', () => {
    for (const name of ['04-graceful-stop-vs-crash', '08-partition']) {
      const r = loadScenario(name);
      if (!r.ok) throw new Error(r.error);
      const d = scenarioDriver(r.scenario, { interactive: true });
      let session: Session = createSession(createState(scenarioConfig(r.scenario)));
      const log: LessonLog = { title: r.scenario.title, say: [], markers: [], checks: [], done: false };
      const seen = { offered: 0, withheld: 0 };
      for (let i = 0; i < 2000 && !d.view().done; i++) {
        session = advanceDriven(session, 500, d, log);
        const v = d.view();
        const x: LayoutIn = { s: session.state, session, cols: 120, rows: 40, selected: null, pane: 0, help: false, menuRows: 0, lesson: log, lessonView: v, notice: null };
        for (const f of [layout(x), presenterLayout(x)]) {
          const footer = f.bottom.map(text).join('\n');
          expect(footer, `${name} at ${session.state.t} ms`).toContain('b back');
          expect(footer.includes('n/⏎ next'), `${name} at ${session.state.t} ms: ${footer}`).toBe(v.waitingForEnter);
        }
        if (v.waitingForEnter) seen.offered++;
        else seen.withheld++;
        if (v.question && v.question.answered === null) d.answer(0);
        else if (v.waitingForEnter) d.advance();
      }
      // Both cases happened: the lesson held a narration for n, and it counted down between steps.
      expect(seen.offered).toBeGreaterThan(0);
      expect(seen.withheld).toBeGreaterThan(0);
    }
  });
});
