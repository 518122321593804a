// --script FILE: timed simulation actions (JSON or YAML), validated before anything runs, then
// played by a Driver: [{"at":"5s","do":"crash","target":"master-1"}, {"after":"10s","do":"recover",...}]
import { isSeq, isMap, type Node } from 'yaml';
import { parseLocated } from '../files/located-doc.js';
import type { SimAction } from '../sim/actions.js';
import { SIM_ACTION_TYPES, ACTION_FIELDS, NODE_FIELDS, describeAction } from '../sim/actions.js';
import type { Driver, DriverOutput } from '../sim/driver.js';
import type { Config, State } from '../sim/types.js';
import { parseDuration } from '../sim/duration.js';
import { possibleNodeNames } from '../sim/node-names.js';

export interface TimedAction {
  atMs: number;
  action: SimAction;
  entry: number;
  line: number;
}

const COMPONENTS = ['apiserver', 'controller-manager', 'scheduler', 'etcd'];
const NODE_FIELD_SET = new Set<string>(NODE_FIELDS);
const ENUMS: Record<string, readonly string[]> = {
  component: COMPONENTS,
  topology: ['stacked', 'external'],
  algorithm: ['roundrobin', 'leastconn', 'random'],
  check: ['readyz', 'tls'],
};

export class ScriptError extends Error {}

/** Parses and validates a script's text; throws a ScriptError with `file:line: entry N: problem`. */
export function parseActionScript(text: string, file: string, config: Config): TimedAction[] {
  const located = parseLocated(text, file);
  if (!located.ok) throw new ScriptError(`${file}:${located.line}: ${located.problem}`);
  const { doc, lineOf } = located.doc;
  const root = doc.contents;
  if (!isSeq(root)) throw new ScriptError(`${file}:${lineOf(root as Node)}: a script is a list of timed actions, like [{"at": "5s", "do": "crash", "target": "master-1"}]`);
  const raw = root.items.map((item) => ({ node: item as Node, value: (item as { toJSON?: () => unknown }).toJSON?.() }));
  const nodes = possibleNodeNames(config, raw.map((r) => {
    const v = r.value as { do?: unknown; topology?: unknown } | undefined;
    return { type: v?.do, topology: v?.topology };
  }));
  const out: TimedAction[] = [];
  let prev = 0;
  raw.forEach(({ node, value }, i) => {
    const entry = i + 1;
    const line = lineOf(node);
    const fail = (msg: string): never => { throw new ScriptError(`${file}:${line}: entry ${entry}: ${msg}`); };
    if (!isMap(node) || value === null || typeof value !== 'object' || Array.isArray(value)) fail('each entry must be an object like {"at": "5s", "do": "crash", "target": "master-1"}');
    const v = value as Record<string, unknown>;
    const type = v.do;
    if (typeof type !== 'string' || !(SIM_ACTION_TYPES as readonly string[]).includes(type)) {
      fail(`"do" must be one of ${SIM_ACTION_TYPES.join(', ')} (got ${JSON.stringify(type)})`);
    }
    const spec = ACTION_FIELDS[type as SimAction['type']];
    if ('at' in v && 'after' in v) fail('give either "at" or "after", not both');
    let atMs: number;
    if ('at' in v) {
      const ms = parseDuration(v.at);
      if (ms === null) fail(`"at" must be a duration like "5s" or "1500ms" (got ${JSON.stringify(v.at)})`);
      atMs = ms!;
      if (atMs < prev) fail(`"at" ${JSON.stringify(v.at)} is earlier than the entry before it; entries run in order`);
    } else if ('after' in v) {
      const ms = parseDuration(v.after);
      if (ms === null) fail(`"after" must be a duration like "10s" (got ${JSON.stringify(v.after)})`);
      atMs = prev + ms!;
    } else {
      fail('needs a time: "at" (from the start) or "after" (since the entry before)');
    }
    const allowed = new Set(['do', 'at', 'after', ...spec.required, ...spec.optional]);
    for (const k of Object.keys(v)) if (!allowed.has(k)) fail(`unknown field "${k}" for "${type}" (it takes ${[...spec.required, ...spec.optional].join(', ') || 'no other fields'})`);
    for (const k of spec.required) if (v[k] === undefined) fail(`"${type}" needs "${k}"`);
    for (const k of [...spec.required, ...spec.optional]) {
      if (v[k] === undefined) continue;
      if (NODE_FIELD_SET.has(k)) {
        if (typeof v[k] !== 'string' || !nodes.has(v[k] as string)) fail(`"${k}": no node named ${JSON.stringify(v[k])} in this cluster (nodes: ${[...nodes].join(', ')})`);
      } else if (ENUMS[k]) {
        if (!ENUMS[k].includes(v[k] as string)) fail(`"${k}" must be one of ${ENUMS[k].join(', ')} (got ${JSON.stringify(v[k])})`);
      } else if (k === 'both' || k === 'enabled') {
        if (typeof v[k] !== 'boolean') fail(`"${k}" must be true or false`);
      } else if (k === 'rps') {
        if (typeof v[k] !== 'number' || !Number.isInteger(v[k]) || (v[k] as number) < 0 || (v[k] as number) > 10_000) fail('"rps" must be an integer from 0 to 10000');
      } else if (k === 'pod') {
        if (typeof v[k] !== 'string') fail('"pod" must be a pod name');
      }
    }
    if ((type === 'cut' || type === 'heal') && v.from === v.to) fail('a link needs two different nodes');
    if (typeof v.component === 'string' && typeof v.target === 'string') {
      const onEtcdNode = v.target.startsWith('etcd-');
      if (!v.target.startsWith('master-') && !(onEtcdNode && v.component === 'etcd')) {
        fail(`"${type}" of a component needs a master as "target" (components run on masters; got ${JSON.stringify(v.target)})`);
      }
    }
    const { do: _d, at: _a, after: _af, ...fields } = v;
    out.push({ atMs: atMs!, action: { type, ...fields } as SimAction, entry, line });
    prev = atMs!;
  });
  return out;
}

/** Plays timed actions: each is returned by poll() on the first tick at or after its time. */
export class ScriptDriver implements Driver {
  private next = 0;
  constructor(readonly entries: TimedAction[]) {}

  poll(state: State): DriverOutput {
    const actions: SimAction[] = [];
    while (this.next < this.entries.length && this.entries[this.next].atMs <= state.t) actions.push(this.entries[this.next++].action);
    return { actions, say: [], markers: [], checks: [] };
  }

  done(): boolean {
    return this.next >= this.entries.length;
  }

  /** Simulated time of the next action, or null. Lets the runner skip ahead in big steps. */
  nextAt(): number | null {
    return this.next < this.entries.length ? this.entries[this.next].atMs : null;
  }

  describe(): string[] {
    return this.entries.map((e) => `${e.atMs / 1000}s ${describeAction(e.action)}`);
  }
}
