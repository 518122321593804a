// The end-of-lesson summary scrolls at 80x24 (PgUp / PgDn, as the narration does) with an
// indicator, so every line of it can be read.
import { describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../source/sim/session.js';
import { createState } from '../../source/sim/create.js';
import { loadScenario, scenarioConfig, scenarioDriver } from '../../source/scenario/index.js';
import { advanceDriven, type LessonLog } from '../../source/ui/lesson-log.js';
import { layout } from '../../source/ui/layout.js';
import { lessonSummary } from '../../source/ui/lesson-summary.js';

const text = (l: { t: string }[]) => l.map((x) => x.t).join('');

function finished(name: string) {
  const r = loadScenario(name);
  if (!r.ok) throw new Error(r.error);
  const d = scenarioDriver(r.scenario, { interactive: true });
  let session: Session = createSession(createState(scenarioConfig(r.scenario)));
  const log: LessonLog = { title: r.scenario.title, say: [], markers: [], checks: [], done: false };
  for (let i = 0; i < 2000 && !d.view().done; i++) {
    session = advanceDriven(session, 500, d, log);
    const v = d.view();
    if (v.question && v.question.answered === null) d.answer(0);
    else if (v.waitingForEnter) d.advance();
  }
  return { session, log, view: d.view() };
}

describe('lesson summary at 80x24', () => {
  it('scrolls through every line with an indicator', () => {
    const { session, log, view } = finished('04-graceful-stop-vs-crash');
    expect(view.done).toBe(true);
    const all = lessonSummary(view, log.checks, session.state, 80).map(text);
    const seen = new Set<string>();
    let marks = 0;
    for (let scroll = 0; scroll <= all.length; scroll += 3) {
      const f = layout({ s: session.state, session, cols: 80, rows: 24, selected: null, pane: 0, help: false, menuRows: 0, lesson: log, lessonView: view, notice: null, narrationScroll: scroll });
      const body = f.columns[0].lines.map(text);
      expect(f.top.length + body.length + f.bottom.length).toBeLessThanOrEqual(23);
      for (const l of body) seen.add(l);
      const mark = body.find((l) => /▲ \d+ above|▼ \d+ more/.test(l));
      if (mark) marks++;
      if (scroll === 0) expect(mark).toMatch(/▼ \d+ more \(PgUp\/PgDn scroll\)/);
    }
    // The summary is longer than the room at 80x24, and yet each of its lines was on screen.
    expect(marks).toBeGreaterThan(0);
    for (const l of all) expect(seen.has(l)).toBe(true);
  });
});
