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

interface Pending {
  step: number;
  exp: Expectation;
  from: number;
  until: number;
  /** Checked once at `from` (after) or until it holds (within). */
  once: boolean;
  bindings: Bindings;
}

export interface LessonView {
  title: string;
  step: number;
  total: number;
  say: string | null;
  question: { text: string; choices: string[]; answered: number | null } | null;
  checks: CheckResult[];
  waitingForEnter: boolean;
  done: boolean;
}

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
  private enterPressed = false;
  private question: { step: number; text: string; choices: string[]; answer: number; explain?: string; answered: number | null } | null = null;

  constructor(readonly scenario: Scenario, private readonly interactive = false) {}

  advance(): void {
    this.enterPressed = true;
  }

  answer(choice: number): void {
    if (this.question) this.question.answered = choice;
  }

  view(): LessonView {
    return {
      title: this.scenario.title,
      step: Math.min(this.next, this.scenario.steps.length),
      total: this.scenario.steps.length,
      say: this.say,
      question: this.question ? { text: this.question.text, choices: this.question.choices, answered: this.question.answered } : null,
      checks: this.checks.slice(),
      waitingForEnter: this.waitingForEnter(),
      done: this.next >= this.scenario.steps.length && this.pending.length === 0,
    };
  }

  /** Interactive lessons wait for Enter before each narrated step (or any step with pause: true). */
  private waitingForEnter(): boolean {
    const st = this.scenario.steps[this.next];
    if (!st || !this.interactive || this.enterPressed) return false;
    return st.pause ?? !!st.say;
  }

  done(): boolean {
    return this.next >= this.scenario.steps.length && this.pending.length === 0;
  }

  poll(s: State): DriverOutput {
    const out: DriverOutput = { actions: [], say: [], markers: [], checks: [] };
    this.grade(s, out);
    // Run every step whose time has come (several may share a moment).
    for (let guard = 0; guard < 100 && this.next < this.scenario.steps.length; guard++) {
      const st = this.scenario.steps[this.next];
      if (this.waitingForEnter()) break;
      if (!this.due(st, s, out)) break;
      this.run(st, s, out);
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

  private run(st: Step, s: State, out: DriverOutput): void {
    const index = this.next;
    const b = bind(s);
    this.next++;
    this.lastRunAt = s.t;
    this.waitingSince = null;
    this.enterPressed = false;
    if (st.say) {
      this.say = st.say;
      out.say.push(st.say);
    }
    if (st.marker) out.markers.push(st.marker);
    if (st.ask) this.question = { step: index + 1, text: st.ask.question, choices: st.ask.choices, answer: st.ask.answer, explain: st.ask.explain, answered: null };
    const a = actionOf(st, b);
    if (a) out.actions.push(a);
    for (const e of st.expect ?? []) {
      const within = e.within !== undefined ? parseDuration(e.within)! : null;
      const after = e.after !== undefined ? parseDuration(e.after)! : null;
      // Checked on the next tick at the earliest, so the step's own action has taken effect.
      const from = s.t + (after ?? 0) + s.config.tickMs;
      this.pending.push({ step: index + 1, exp: e, from, until: within !== null ? s.t + within : from, once: within === null, bindings: b });
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
      const final = r.ok || p.once || s.t >= p.until;
      if (!final) {
        keep.push(p);
        continue;
      }
      const expect = p.exp.within !== undefined ? `${r.expect} within ${p.exp.within}` : p.exp.after !== undefined ? `${r.expect} after ${p.exp.after}` : r.expect;
      const c: CheckResult = { step: p.step, expect, ok: r.ok, actual: r.actual, t: s.t };
      this.checks.push(c);
      out.checks.push(c);
    }
    this.pending = keep;
    const q = this.question;
    if (q && !this.pending.some((p) => p.step === q.step) && q.answered !== null) {
      const right = q.answered === q.answer;
      out.say.push(`${right ? '✓ Right' : '✗ Not quite'}: ${q.choices[q.answer]}.${q.explain ? ` ${q.explain}` : ''}`);
      this.say = out.say[out.say.length - 1];
      this.question = null;
    }
  }
}
