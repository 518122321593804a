// Authoring rules for lessons, checked by `--lint` and by the test of the built-in lessons. A lint
// finding is advice, not a parse error: the file still runs.
import type { Expectation, ScenarioFile, Step } from './schema.js';

export interface LintFinding {
  /** Index of the step, counted from 0. */
  step: number;
  rule: 'reveals-answer' | 'no-focus' | 'instant-window';
  message: string;
  /** Where in the file, as keys and indexes from the top (for its line). */
  path: (string | number)[];
}

/** Standalone numbers in a text ("15", "4.4"), not parts of names such as master-3 or etcd-2. */
export function numbersIn(text: string): string[] {
  return [...text.matchAll(/(?<![\w.-])\d+(?:\.\d+)?(?![\w.-]*\w)/g)].map((m) => m[0]);
}

const normal = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
/** A choice without its leading "Yes:" / "No:", which says nothing on its own. */
const gist = (choice: string) => normal(choice).replace(/^(yes|no)\b[:,]?\s*/, '');

/**
 * A prediction gives its answer away when the narration shown before the question contains the
 * right choice's words, or a number that only the right choice has (the wrong ones do not).
 */
export function revealsAnswer(step: Step): string | null {
  if (!step.ask || !step.say) return null;
  const say = normal(step.say);
  const right = step.ask.choices[step.ask.answer];
  const g = gist(right);
  if (g.length >= 8 && say.includes(g)) return `the narration before the question contains the answer "${right}"`;
  const wrong = new Set(step.ask.choices.filter((_, i) => i !== step.ask!.answer).flatMap(numbersIn));
  const telling = numbersIn(right).filter((n) => !wrong.has(n));
  const said = new Set(numbersIn(step.say));
  const leaked = telling.filter((n) => said.has(n));
  if (leaked.length) return `the narration before the question says ${leaked.join(', ')}, which only the right answer ("${right}") has`;
  return null;
}

/** An expectation that looks at one instant where a window is meant: where the VIP is, with no `for`. */
export function instantWindow(e: Expectation): string | null {
  if (e.for !== undefined || e.within !== undefined) return null;
  if ('lb' in e && 'vip' in e.lb && e.lb.moves === undefined) return `"VIP on ${e.lb.vip}" is checked at one instant: add for: D (it holds for D) or within: D`;
  return null;
}

export function lintScenario(f: ScenarioFile): LintFinding[] {
  const out: LintFinding[] = [];
  f.steps.forEach((step, i) => {
    const why = revealsAnswer(step);
    if (why) out.push({ step: i, rule: 'reveals-answer', message: why, path: ['steps', i, 'say'] });
    if ((step.do || step.say) && !step.focus) out.push({ step: i, rule: 'no-focus', message: 'a lesson step with an action or narration names no focus (lb, leases, etcd, workloads, masters, events or timeline)', path: ['steps', i] });
    (step.expect ?? []).forEach((e, j) => {
      const w = instantWindow(e);
      if (w) out.push({ step: i, rule: 'instant-window', message: w, path: ['steps', i, 'expect', j] });
    });
  });
  return out;
}
