// A lesson's prediction questions in a headless cast, as the room would have seen them: the
// question with its choices while the clock is held for a few seconds, the question kept up while
// the fault plays out, then the right answer marked with the explanation, held again for reading.
// Read from the driver's view (question, choices, answer, explain), so any driver that offers
// one works; all timing comes from simulated time and driver output, so casts stay deterministic.
import type { Driver } from '../sim/driver.js';
import type { Ask, LessonPanel, PanelPhase } from '../ui/lesson-panel.js';

/** Cast seconds the clock is held while the room thinks, and while it reads the answer. */
export const ASK_HOLD_S = 5;
export const ANSWER_HOLD_S = 6;
/** The answer shows at the first check or narration after the question, or after this long. */
const REVEAL_AFTER_MS = 15_000;
/** And stays up until the next narration, or this long. */
const ANSWER_SHOWN_MS = 12_000;

interface QuestionLike {
  text?: unknown;
  question?: unknown;
  choices?: unknown;
  answer?: unknown;
  explain?: unknown;
}
interface AskStep {
  ask?: { question?: string; choices?: string[]; answer?: number; explain?: string };
}

/** The driver's open question, if it shows one: its own fields, else the scenario step that asks it. */
export function askOf(driver: Driver | undefined): Ask | null {
  const d = driver as (Driver & { view?: () => { question?: QuestionLike | null }; scenario?: { steps?: AskStep[] } }) | undefined;
  if (!d || typeof d.view !== 'function') return null;
  const q = d.view().question;
  if (!q) return null;
  const text = typeof q.text === 'string' ? q.text : typeof q.question === 'string' ? q.question : null;
  if (text === null || !Array.isArray(q.choices)) return null;
  const step = d.scenario?.steps?.find((s) => s.ask?.question === text)?.ask;
  const answer = typeof q.answer === 'number' ? q.answer : typeof step?.answer === 'number' ? step.answer : null;
  const explain = typeof q.explain === 'string' ? q.explain : typeof step?.explain === 'string' ? step.explain : null;
  return { text, choices: q.choices.map(String), answer, explain };
}

/** Follows the questions of one run; the recorder calls update() after every poll of the driver. */
export class PredictionTrack {
  private lastAsked: string | null = null;
  private cur: { ask: Ask; phase: PanelPhase; at: number; says: number; checks: number; narration: string | null } | null = null;

  /**
   * `t` simulated ms; `says` / `checks` how many the run has had so far; `narration` the current one.
   * Returns the cast seconds to hold the clock now (0 when nothing new to read).
   */
  update(driver: Driver | undefined, t: number, says: number, checks: number, narration: string | null): number {
    const ask = askOf(driver);
    if (ask && ask.text !== this.lastAsked) {
      this.lastAsked = ask.text;
      this.cur = { ask, phase: 'ask', at: t, says, checks, narration };
      return ASK_HOLD_S;
    }
    const c = this.cur;
    if (!c) return 0;
    if (c.phase === 'ask') c.phase = 'watch';
    if (c.phase === 'watch' && (checks > c.checks || says > c.says || t - c.at >= REVEAL_AFTER_MS)) {
      this.cur = { ...c, phase: 'answer', at: t, says, narration: c.narration ?? narration };
      return c.ask.answer === null ? 0 : ANSWER_HOLD_S;
    }
    if (c.phase === 'answer' && (says > c.says || t - c.at >= ANSWER_SHOWN_MS)) this.cur = null;
    return 0;
  }

  panel(narration: string | null, holdS: number): LessonPanel {
    const c = this.cur;
    if (!c) return { kind: 'say', text: narration, holdS };
    return { kind: 'question', ask: c.ask, phase: c.phase, narration: c.narration, holdS };
  }
}
