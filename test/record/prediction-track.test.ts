// The prediction questions of a cast follow the driver's view: a driver whose question carries
// its answer and explanation (as the lesson driver may) is shown with them; the phases move on
// simulated time and driver output only.
import { describe, expect, it } from 'vitest';
import type { Driver } from '../../source/sim/driver.js';
import { EMPTY_OUTPUT } from '../../source/sim/driver.js';
import { ASK_HOLD_S, ANSWER_HOLD_S, PredictionTrack, askOf } from '../../source/record/prediction-track.js';
import { lessonPanelLines } from '../../source/ui/lesson-panel.js';

function askingDriver(question: Record<string, unknown> | null): Driver & { q: Record<string, unknown> | null } {
  const d = {
    q: question,
    poll: () => EMPTY_OUTPUT,
    done: () => false,
    view: () => ({ question: d.q }),
  };
  return d;
}

const text = (lines: ReturnType<typeof lessonPanelLines>) => lines.map((l) => l.map((s) => s.t).join(''));

describe('questions from the driver view', () => {
  it('reads question, choices, answer and explain from the view', () => {
    const d = askingDriver({ text: 'Who leads?', choices: ['a', 'b'], answered: null, answer: 1, explain: 'Because quorum.' });
    expect(askOf(d)).toEqual({ text: 'Who leads?', choices: ['a', 'b'], answer: 1, explain: 'Because quorum.' });
    expect(askOf(askingDriver(null))).toBeNull();
    expect(askOf({ poll: () => EMPTY_OUTPUT, done: () => false })).toBeNull();
  });

  it('ask (held), watch, answer at the first check (held), then back to the narration', () => {
    const d = askingDriver({ text: 'Who leads?', choices: ['a', 'b'], answered: null, answer: 1, explain: 'Because quorum.' });
    const t = new PredictionTrack();
    expect(t.update(d, 5000, 1, 0, 'intro')).toBe(ASK_HOLD_S);
    expect(t.panel('intro', 3)).toMatchObject({ kind: 'question', phase: 'ask', holdS: 3 });
    expect(t.update(d, 5100, 1, 0, 'intro')).toBe(0);
    expect(t.panel('intro', 0)).toMatchObject({ phase: 'watch' });
    expect(t.update(d, 6200, 1, 1, 'intro')).toBe(ANSWER_HOLD_S);
    const shown = text(lessonPanelLines(t.panel('intro', 0), 60, 6));
    expect(shown[0]).toBe('? Who leads?');
    expect(shown[1]).toBe(' · 1  a');
    expect(shown[2]).toBe(' ✔ 2  b');
    expect(shown[3]).toBe('Because quorum.');
    // The same question again is not asked twice; the next narration ends the answer.
    expect(t.update(d, 7000, 2, 1, 'next')).toBe(0);
    expect(t.panel('next', 0)).toEqual({ kind: 'say', text: 'next', holdS: 0 });
  });

  it('a question without a known answer is never marked', () => {
    const d = askingDriver({ text: 'Guess?', choices: ['x', 'y'], answered: null });
    const t = new PredictionTrack();
    t.update(d, 0, 0, 0, null);
    t.update(d, 100, 0, 0, null);
    expect(t.update(d, 20_000, 0, 0, null)).toBe(0);
    expect(text(lessonPanelLines(t.panel(null, 0), 40, 4)).join('\n')).not.toContain('✔');
  });

  it('the panel always has its rows, none wider than the frame', () => {
    const long = 'word '.repeat(200);
    for (const p of [
      { kind: 'say' as const, text: long, holdS: 0 },
      { kind: 'question' as const, ask: { text: long, choices: [long, 'b', 'c', 'd', 'e', 'f', 'g'], answer: 0, explain: long }, phase: 'answer' as const, narration: null, holdS: 2 },
    ]) {
      const lines = text(lessonPanelLines(p, 50, 6));
      expect(lines).toHaveLength(6);
      for (const l of lines) expect([...l].length).toBeLessThanOrEqual(50);
    }
  });
});
