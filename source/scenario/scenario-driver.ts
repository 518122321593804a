// Plays a scenario against a running simulation (the Driver protocol): steps at their times,
// actions, narration, markers, and expectations graded over their windows.
import type { State } from '../sim/types.js';
import type { SimAction } from '../sim/actions.js';
import type { CheckResult, Driver, DriverOutput } from '../sim/driver.js';
import { parseDuration } from '../sim/duration.js';
import { clusterStatus } from '../sim/etcd/index.js';
import { leaseView } from '../sim/views.js';
import type { Scenario } from './load.js';
import type { Expectation, Step } from './schema.js';
import { evaluate, type Bindings } from './expect.js';
import { stepTitle } from './step-title.js';

interface Pending {
  step: number;
  exp: Expectation;
  from: number;
  until: number;
  /** Checked once at `from` (after) or until it holds (within). */
  once: boolean;
  /** `for`: must hold at every tick from `from` until `until`; fails at the first that it does not. */
  hold: boolean;
  bindings: Bindings;
}

export interface LessonView {
  title: string;
  step: number;
  total: number;
  say: string | null;
  question: { text: string; choices: string[]; answered: number | null } | null;
  checks: CheckResult[];
  /** The grade and explanation of the last answered prediction, shown beside the narration. */
  feedback: string | null;
  /** Answered predictions so far, for the end-of-lesson summary. */
  predictions: Prediction[];
  /** A narrated step (or a question) is on screen and waits for n / Enter (or an answer). */
  waitingForEnter: boolean;
  /** While true the clock must not move: a question or a narrated pause is open. */
  holding: boolean;
  /** Simulated ms until the next step's time comes (null: no timed step is waiting). */
  nextInMs: number | null;
  /** The pane the step on screen is about (its `focus`), or null. */
  focus: string | null;
  /** Each step's title, in order: the chapter list (lesson key g). */
  chapters: readonly string[];
  done: boolean;
}

export interface Prediction {
  step: number;
  question: string;
  chosen: string;
  answer: string;
  right: boolean;
}

/** Everything a driver remembers, to restore the start of a step (lesson keys b and r). */
export type DriverMemo = Readonly<Record<string, unknown>>;

function bind(s: State): Bindings {
  const host = (h: string | null) => h;
  const kcm = leaseView(s, 'kube-controller-manager');
  const sch = leaseView(s, 'kube-scheduler');
  const st = clusterStatus(s);
  const follower = s.etcd.order.find((id) => id !== st.leader && s.etcd.members[id].running) ?? null;
  return {
    '@kcm-leader': host(kcm.holderHost),
    '@scheduler-leader': host(sch.holderHost),
    '@etcd-leader': st.leader,
    '@etcd-follower': follower,
    '@before:kube-controller-manager': kcm.holderHost,
    '@before:kube-scheduler': sch.holderHost,
    '@before:etcd': st.leader,
  };
}

const ACTION_KEYS = ['target', 'component', 'from', 'to', 'both', 'topology', 'algorithm', 'check', 'rps', 'enabled', 'pod'] as const;

function actionOf(st: Step, b: Bindings): SimAction | null {
  if (!st.do || st.do === 'none') return null;
  const a: Record<string, unknown> = { type: st.do };
  for (const k of ACTION_KEYS) {
    const v = st[k];
    if (v === undefined) continue;
    a[k] = typeof v === 'string' && v.startsWith('@') ? b[v] ?? v : v;
  }
  return a as unknown as SimAction;
}

export class ScenarioDriver implements Driver {
  private next = 0;
  private lastRunAt = 0;
  private waitingSince: number | null = null;
  private pending: Pending[] = [];
  private checks: CheckResult[] = [];
  private say: string | null = null;
  private released = false;
  /** Index of the step whose narration (and question) is on screen, held for n / an answer. */
  private presented: number | null = null;
  /** The held step has acted already (a narrated step without a question acts, then holds). */
  private acted = false;
  private feedback: string | null = null;
  /** Steps presented since the feedback was given: it shows with the next narration, then goes. */
  private feedbackAge = 0;
  private predictions: Prediction[] = [];
  private lastT = 0;
  private question: { step: number; text: string; choices: string[]; answer: number; explain?: string; answered: number | null } | null = null;

  private readonly chapters: readonly string[];

  constructor(readonly scenario: Scenario, private readonly interactive = false) {
    this.chapters = scenario.steps.map(stepTitle);
  }

  /** n / Enter: a narrated pause ends and its step acts (a question needs an answer instead). */
  advance(): void {
    if (this.presented !== null && !this.question) this.released = true;
  }

  /** Releases the step on screen without asking: its question is dropped, unrecorded (--step N). */
  skip(): void {
    if (this.presented === null) return;
    if (this.question && this.question.step === this.presented + 1) this.question = null;
    this.released = true;
  }

  private static readonly MEMO_KEYS = ['next', 'lastRunAt', 'waitingSince', 'pending', 'checks', 'say', 'released', 'presented', 'acted', 'feedback', 'feedbackAge', 'predictions', 'lastT', 'question'] as const;

  snapshot(): DriverMemo {
    const self = this as unknown as Record<string, unknown>;
    return structuredClone(Object.fromEntries(ScenarioDriver.MEMO_KEYS.map((k) => [k, self[k]])));
  }

  restore(memo: DriverMemo): void {
    Object.assign(this, structuredClone(memo));
  }

  answer(choice: number): void {
    if (this.question) this.question.answered = choice;
  }

  /** The index of the step on screen or next to run (LessonView.step), without building the view. */
  stepIndex(): number {
    return this.presented ?? Math.min(this.next, this.scenario.steps.length);
  }

  view(): LessonView {
    return {
      title: this.scenario.title,
      step: this.stepIndex(),
      total: this.scenario.steps.length,
      say: this.say,
      question: this.question ? { text: this.question.text, choices: this.question.choices, answered: this.question.answered } : null,
      checks: this.checks.slice(),
      feedback: this.feedback,
      predictions: this.predictions.slice(),
      waitingForEnter: this.presented !== null && !this.released && !(this.question && this.question.answered === null),
      holding: this.holding(),
      nextInMs: this.nextInMs(),
      focus: this.focus(),
      chapters: this.chapters,
      done: this.next >= this.scenario.steps.length && this.pending.length === 0 && this.presented === null,
    };
  }

  /** Interactive lessons stop before each narrated step's action (or any step with pause: true). */
  private pausesAt(st: Step): boolean {
    return this.interactive && (st.pause ?? !!(st.say || st.ask));
  }

  private holding(): boolean {
    if (this.presented === null) return false;
    if (this.acted) return !this.released;
    if (this.question && this.question.step === this.presented + 1) return this.question.answered === null;
    return !this.released;
  }

  private focus(): string | null {
    const onScreen = this.presented ?? this.next - 1;
    return this.scenario.steps[onScreen]?.focus ?? null;
  }

  private nextInMs(): number | null {
    const st = this.scenario.steps[this.next];
    if (!st || this.presented !== null) return null;
    const at = st.at !== undefined ? parseDuration(st.at)! : st.after !== undefined ? this.lastRunAt + parseDuration(st.after)! : null;
    return at === null ? null : Math.max(0, at - this.lastT);
  }

  done(): boolean {
    return this.next >= this.scenario.steps.length && this.pending.length === 0 && this.presented === null;
  }

  poll(s: State): DriverOutput {
    const out: DriverOutput = { actions: [], say: [], markers: [], checks: [] };
    this.lastT = s.t;
    this.grade(s, out);
    // Run every step whose time has come (several may share a moment). An interactive lesson shows
    // a narrated step first and acts only after n / Enter or the answer to its question.
    if (this.presented !== null && !this.holding()) {
      const held = this.scenario.steps[this.presented];
      this.presented = null;
      if (!this.acted) this.act(held, s, out);
    }
    for (let guard = 0; guard < 100 && this.next < this.scenario.steps.length; guard++) {
      const st = this.scenario.steps[this.next];
      if (this.presented !== null) break;
      if (!this.due(st, s, out)) break;
      this.present(st, out);
      if (this.pausesAt(st)) {
        // A question is asked before the action; plain narration describes the action just taken.
        const index = this.next;
        this.acted = !st.ask;
        if (this.acted) this.act(st, s, out);
        this.presented = index;
        this.released = false;
        break;
      }
      this.act(st, s, out);
    }
    return out;
  }

  private due(st: Step, s: State, out: DriverOutput): boolean {
    if (st.at !== undefined) return s.t >= parseDuration(st.at)!;
    if (st.after !== undefined) return s.t >= this.lastRunAt + parseDuration(st.after)!;
    if (st.wait) {
      if (this.waitingSince === null) this.waitingSince = s.t;
      const r = evaluate(s, st.wait.until, bind(s));
      if (r.ok) return true;
      if (s.t - this.waitingSince >= parseDuration(st.wait.timeout)!) {
        const c = { step: this.next + 1, expect: `wait until ${r.expect} (timeout ${st.wait.timeout})`, ok: false, actual: r.actual, t: s.t };
        this.checks.push(c);
        out.checks.push(c);
        return true;
      }
      return false;
    }
    return true;
  }

  /** The step's narration, marker and question: shown before its action. */
  private present(st: Step, out: DriverOutput): void {
    if (this.feedback !== null && ++this.feedbackAge > 1) this.feedback = null;
    // An answer not graded yet (its checks still watch) is graded now, beside this narration.
    if (this.question && this.question.answered !== null) {
      this.gradeAnswer(out);
      this.feedbackAge = 1;
    }
    if (st.say) {
      this.say = st.say;
      out.say.push(st.say);
    }
    if (st.marker) out.markers.push(st.marker);
    if (st.ask) this.question = { step: this.next + 1, text: st.ask.question, choices: st.ask.choices, answer: st.ask.answer, explain: st.ask.explain, answered: null };
  }

  /** The step's action and expectations. */
  private act(st: Step, s: State, out: DriverOutput): void {
    const index = this.next;
    const b = bind(s);
    this.next++;
    this.lastRunAt = s.t;
    this.waitingSince = null;
    this.released = false;
    const a = actionOf(st, b);
    if (a) out.actions.push(a);
    for (const e of st.expect ?? []) {
      const within = e.within !== undefined ? parseDuration(e.within)! : null;
      const holdFor = e.for !== undefined ? parseDuration(e.for)! : null;
      const after = e.after !== undefined ? parseDuration(e.after)! : null;
      // Checked on the next tick at the earliest, so the step's own action has taken effect.
      const from = s.t + (after ?? 0) + s.config.tickMs;
      const until = holdFor !== null ? from + holdFor : within !== null ? s.t + within : from;
      this.pending.push({ step: index + 1, exp: e, from, until, once: within === null && holdFor === null, hold: holdFor !== null, bindings: b });
    }
  }

  private grade(s: State, out: DriverOutput): void {
    if (this.pending.length === 0) return;
    const keep: Pending[] = [];
    for (const p of this.pending) {
      if (s.t < p.from) {
        keep.push(p);
        continue;
      }
      const r = evaluate(s, p.exp, p.bindings);
      const final = p.hold ? !r.ok || s.t >= p.until : r.ok || p.once || s.t >= p.until;
      if (!final) {
        keep.push(p);
        continue;
      }
      const expect = p.exp.for !== undefined ? `${r.expect} for ${p.exp.for}` : p.exp.within !== undefined ? `${r.expect} within ${p.exp.within}` : p.exp.after !== undefined ? `${r.expect} after ${p.exp.after}` : r.expect;
      const c: CheckResult = { step: p.step, expect, ok: r.ok, actual: r.actual, t: s.t };
      this.checks.push(c);
      out.checks.push(c);
    }
    this.pending = keep;
    const q = this.question;
    if (q && !this.pending.some((p) => p.step === q.step) && q.answered !== null) {
      this.feedbackAge = 0;
      this.gradeAnswer(out);
    }
  }

  /** The grade and explanation of the answered question, recorded once; the question closes. */
  private gradeAnswer(out: DriverOutput): void {
    const q = this.question;
    if (!q || q.answered === null) return;
    const right = q.answered === q.answer;
    this.feedback = `${right ? '✓ Right' : '✗ Not quite'}: ${q.choices[q.answer]}.${q.explain ? ` ${q.explain}` : ''}`;
    this.predictions.push({ step: q.step, question: q.text, chosen: q.choices[q.answered] ?? '', answer: q.choices[q.answer], right });
    out.say.push(this.feedback);
    this.question = null;
  }
}
