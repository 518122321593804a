// Reading a scenario file: YAML (or JSON) → zod → cluster-aware checks, every problem reported as
// one line `<file>:<line>: <what is wrong>` before anything runs.
import { parseLocated } from '../files/located-doc.js';
import type { ZodError } from 'zod';
import type { Config } from '../sim/types.js';
import { defaultConfig, validateKnobs } from '../sim/config.js';
import { parseDuration } from '../sim/duration.js';
import { possibleNodeNames } from '../sim/node-names.js';
import { ACTION_FIELDS, NODE_FIELDS } from '../sim/actions.js';
import { ScenarioSchema, type ScenarioFile, type Step, type Expectation } from './schema.js';

export interface Scenario {
  name: string;
  file: string;
  title: string;
  description: string;
  config: Config;
  steps: Step[];
}

export class ScenarioError extends Error {}

function describeIssue(issue: ZodError['issues'][number]): string {
  const where = issue.path.length ? issue.path.join('.') : 'the file';
  switch (issue.code) {
    case 'unrecognized_keys':
      return `${where}: unknown key ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_value':
      return `${where}: must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_type':
      return `${where}: ${issue.message.replace(/^Invalid input: /, '')}`;
    case 'invalid_union':
      return `${where}: not a known form (see the scenario format in the README)`;
    default:
      return `${where}: ${issue.message}`;
  }
}

const STEP_ACTIONS: Record<string, { required: string[]; optional: string[] }> = { ...ACTION_FIELDS, none: { required: [], optional: [] } };
const ALL_ACTION_FIELDS = ['target', 'component', 'from', 'to', 'both', 'topology', 'algorithm', 'check', 'rps', 'enabled', 'pod'];
export const PLACEHOLDERS = ['@kcm-leader', '@scheduler-leader', '@etcd-leader', '@etcd-follower', '@before'];

export function configOf(f: ScenarioFile): Config {
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

/** Parses and checks a scenario's text; throws a ScenarioError with `file:line: problem`. */
export function parseScenario(text: string, file: string, name: string): Scenario {
  const located = parseLocated(text, file);
  if (!located.ok) throw new ScenarioError(`${file}:${located.line}: ${located.problem}`);
  const { doc, lineAt } = located.doc;
  const fail = (path: (string | number)[], msg: string): never => {
    throw new ScenarioError(`${file}:${lineAt(path)}: ${msg}`);
  };
  const raw = doc.toJS();
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) fail([], 'a scenario is a mapping with title, setup and steps');
  const parsed = ScenarioSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : issue.path;
    fail(path as (string | number)[], describeIssue(issue));
  }
  const f = parsed.data!;
  const config = configOf(f);
  const knobProblems = validateKnobs(config.knobs);
  if (knobProblems.length) fail(['setup', 'knobs'], knobProblems[0].replace(/--([a-z-]+)/g, (_, k: string) => k.replace(/-([a-z])/g, (_m: string, c: string) => c.toUpperCase())));
  const names = possibleNodeNames(config, f.steps.map((st) => ({ type: st.do, topology: st.topology })));
  let prevAt = 0;
  f.steps.forEach((st, i) => {
    const type = st.do ?? 'none';
    const spec = STEP_ACTIONS[type];
    for (const k of ALL_ACTION_FIELDS) {
      if (st[k as keyof Step] !== undefined && !spec.required.includes(k) && !spec.optional.includes(k)) fail(['steps', i, k], `"${k}" does not go with do: ${type}`);
    }
    for (const k of spec.required) if (st[k as keyof Step] === undefined) fail(['steps', i], `do: ${type} needs "${k}"`);
    for (const k of NODE_FIELDS) {
      const v = st[k];
      if (v === undefined || PLACEHOLDERS.includes(v)) continue;
      if (!names.has(v)) fail(['steps', i, k], `${k}: no node named "${v}" in this cluster (${[...names].join(', ')})`);
    }
    if (st.at !== undefined) {
      const at = parseDuration(st.at)!;
      if (at < prevAt) fail(['steps', i, 'at'], `at ${st.at} is earlier than the step before it; steps run in order`);
      prevAt = at;
    }
    const exps = [...(st.expect ?? []), ...(st.wait ? [st.wait.until] : [])];
    exps.forEach((e, j) => {
      const base: (string | number)[] = st.wait && j === exps.length - 1 ? ['steps', i, 'wait', 'until'] : ['steps', i, 'expect', j];
      if (e.within !== undefined && e.after !== undefined) fail(base, 'an expectation takes "within" or "after", not both');
      for (const n of expectationNodes(e)) {
        if (PLACEHOLDERS.includes(n.name) || n.name === 'none') continue;
        if (!names.has(n.name)) fail([...base, ...n.path], `no node named "${n.name}" in this cluster`);
      }
    });
  });
  return { name, file, title: f.title, description: f.description ?? '', config, steps: f.steps };
}
