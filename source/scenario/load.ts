// Reading a scenario file: YAML (or JSON) → zod → cluster-aware checks, every problem reported as
// one line `<file>:<line>: <what is wrong>` before anything runs, all of them at once.
import { parseLocated } from '../files/located-doc.js';
import type { Config } from '../sim/types.js';
import { defaultConfig, validateKnobs } from '../sim/config.js';
import { parseDuration } from '../sim/duration.js';
import { possibleNodeNames } from '../sim/node-names.js';
import { NODE_FIELDS } from '../sim/actions.js';
import { problemReport, type FileProblem } from '../files/file-problems.js';
import { ScenarioSchema, SetupSchema, StepSchema, type ScenarioFile, type Step, type Expectation } from './schema.js';
import { componentTargetProblem, nodeNameProblem } from './action-schema.js';
import { issueProblems } from './issue-text.js';

export interface Scenario {
  name: string;
  file: string;
  title: string;
  description: string;
  config: Config;
  steps: Step[];
}

export class ScenarioError extends Error {}

/** The roles a scenario may name instead of a node; the scenario driver resolves them as it runs. */
export const PLACEHOLDERS = ['@kcm-leader', '@scheduler-leader', '@etcd-leader', '@etcd-follower', '@before'];

export function configOf(f: Partial<ScenarioFile>): Config {
  const st = f.setup ?? {};
  const k = st.knobs ?? {};
  const ms = (v: string | number | undefined) => (v === undefined ? undefined : parseDuration(v)!);
  const knobs = Object.fromEntries(Object.entries({
    leaseDurationMs: ms(k.leaseDuration), renewDeadlineMs: ms(k.renewDeadline), retryPeriodMs: ms(k.retryPeriod),
    etcdHeartbeatMs: ms(k.etcdHeartbeat), etcdElectionTimeoutMs: ms(k.etcdElectionTimeout), preVote: k.preVote,
    checkIntervalMs: ms(k.checkInterval), fall: k.fall, rise: k.rise, retries: k.retries, redispatch: k.redispatch, connectTimeoutMs: ms(k.connectTimeout), lbCheck: st.lbCheck,
    preemptDelayMs: ms(k.preemptDelay),
  }).filter(([, v]) => v !== undefined));
  return defaultConfig({
    ...(st.masters !== undefined && { masters: st.masters }),
    ...(st.etcd !== undefined && { etcdMembers: st.etcd }),
    ...(st.topology && { topology: st.topology }),
    ...(st.workers !== undefined && { workers: st.workers }),
    ...(st.replicas !== undefined && { replicas: st.replicas }),
    ...(st.lb && { lbAlgorithm: st.lb }),
    ...(st.lbPair !== undefined && { lbPair: st.lbPair }),
    ...(st.rps !== undefined && { rps: st.rps }),
    seed: st.seed ?? 1,
    knobs,
  });
}

function expectationNodes(e: Expectation): { path: string[]; name: string }[] {
  const out: { path: string[]; name: string }[] = [];
  const whoName = (w: unknown, path: string[]) => {
    if (w && typeof w === 'object') for (const [k, v] of Object.entries(w)) if (typeof v === 'string') out.push({ path: [...path, k], name: v });
  };
  if ('lease' in e) whoName(e.holder, ['holder']);
  if ('etcd' in e) whoName(e.etcd.leader, ['etcd', 'leader']);
  if ('lb' in e) {
    if ('backend' in e.lb) out.push({ path: ['lb', 'backend'], name: e.lb.backend });
    else out.push({ path: ['lb', 'vip'], name: e.lb.vip });
  }
  if ('node' in e) out.push({ path: ['node'], name: e.node });
  if ('apiserver' in e) out.push({ path: ['apiserver'], name: e.apiserver });
  return out;
}

/** The problems only the cluster can tell (node names, roles, step order) of the steps that parsed. */
function clusterProblems(steps: readonly (Step | null)[], config: Config, at: (path: (string | number)[], msg: string) => void): void {
  const parsed = steps.filter((st): st is Step => st !== null);
  const names = possibleNodeNames(config, parsed.map((st) => ({ type: st.do, topology: st.topology })));
  let prevAt = 0;
  steps.forEach((st, i) => {
    if (!st) return;
    for (const k of NODE_FIELDS) {
      const v = st[k];
      const problem = v === undefined ? null : nodeNameProblem(v, names, PLACEHOLDERS);
      if (problem) at(['steps', i, k], problem);
    }
    const onMaster = componentTargetProblem(st.do ?? 'none', st.target, st.component);
    if (onMaster) at(['steps', i, 'target'], onMaster);
    if (st.at !== undefined) {
      const ms = parseDuration(st.at)!;
      if (ms < prevAt) at(['steps', i, 'at'], `at ${st.at} is earlier than the step before it; steps run in order`);
      prevAt = Math.max(prevAt, ms);
    }
    const exps = [...(st.expect ?? []), ...(st.wait ? [st.wait.until] : [])];
    exps.forEach((e, j) => {
      const base: (string | number)[] = st.wait && j === exps.length - 1 ? ['steps', i, 'wait', 'until'] : ['steps', i, 'expect', j];
      if (e.within !== undefined && e.after !== undefined) at(base, 'an expectation takes "within" or "after", not both');
      for (const n of expectationNodes(e)) {
        const problem = n.name === 'none' ? null : nodeNameProblem(n.name, names, PLACEHOLDERS);
        if (problem) at([...base, ...n.path], problem);
      }
    });
  });
}

/** Parses and checks a scenario's text; throws a ScenarioError with every `file:line: problem` (up to 20). */
export function parseScenario(text: string, file: string, name: string): Scenario {
  const located = parseLocated(text, file);
  if (!located.ok) throw new ScenarioError(`${file}:${located.line}: ${located.problem}`);
  const { value, lineAt } = located.doc;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new ScenarioError(`${file}:${lineAt([])}: a scenario is a mapping with title, setup and steps`);
  const problems: FileProblem[] = [];
  const at = (path: (string | number)[], message: string) => problems.push({ line: lineAt(path), message: `${path.join('.')}: ${message}` });
  const parsed = ScenarioSchema.safeParse(value);
  if (!parsed.success) problems.push(...issueProblems(parsed.error, lineAt, [], (p, m) => `${p.length ? p.join('.') : 'the file'}: ${m}`));
  const raw = value as { setup?: unknown; steps?: unknown };
  const setup = SetupSchema.optional().safeParse(raw.setup);
  const config = setup.success ? configOf({ setup: setup.data }) : null;
  if (config) {
    const knobProblems = validateKnobs(config.knobs);
    for (const k of knobProblems) at(['setup', 'knobs'], k.replace(/--([a-z-]+)/g, (_, w: string) => w.replace(/-([a-z])/g, (_m: string, c: string) => c.toUpperCase())));
    const steps = Array.isArray(raw.steps) ? raw.steps.map((st) => StepSchema.safeParse(st).data ?? null) : [];
    clusterProblems(steps, config, at);
  }
  if (problems.length || !parsed.success) throw new ScenarioError(problemReport(file, problems));
  const f = parsed.data;
  return { name, file, title: f.title, description: f.description ?? '', config: config!, steps: f.steps };
}
