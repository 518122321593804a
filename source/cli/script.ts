// --script FILE: timed simulation actions (JSON or YAML), validated before anything runs, then
// played by a Driver: [{"at":"5s","do":"crash","target":"master-1"}, {"after":"10s","do":"recover",...}]
import { z } from 'zod';
import { isMap, isSeq, type Node } from 'yaml';
import { parseLocated } from '../files/located-doc.js';
import { problemReport, type FileProblem } from '../files/file-problems.js';
import type { SimAction } from '../sim/actions.js';
import { SIM_ACTION_TYPES, NODE_FIELDS, describeAction } from '../sim/actions.js';
import type { Driver, DriverOutput } from '../sim/driver.js';
import type { Config, State } from '../sim/types.js';
import { parseDuration } from '../sim/duration.js';
import { possibleNodeNames } from '../sim/node-names.js';
import { duration } from '../scenario/schema.js';
import { componentTargetProblem, nodeNameProblem, withAction } from '../scenario/action-schema.js';
import { issueProblems } from '../scenario/issue-text.js';

export interface TimedAction {
  atMs: number;
  action: SimAction;
  entry: number;
  line: number;
}

export class ScriptError extends Error {}

/** One entry: a time ("at" from the start or "after" the entry before), then the action and its fields. */
const ScriptEntrySchema = withAction({
  at: duration.optional(),
  after: duration.optional(),
  do: z.enum(SIM_ACTION_TYPES),
}).superRefine((e, ctx) => {
  if (e.at !== undefined && e.after !== undefined) ctx.addIssue({ code: 'custom', path: ['after'], message: 'give either "at" or "after", not both' });
  if (e.at === undefined && e.after === undefined) ctx.addIssue({ code: 'custom', path: [], message: 'needs a time: "at" (from the start) or "after" (since the entry before)' });
}, { when: () => true });
type ScriptEntry = z.infer<typeof ScriptEntrySchema>;

/** Parses and validates a script's text; throws a ScriptError with every `file:line: entry N: problem` (up to 20). */
export function parseActionScript(text: string, file: string, config: Config): TimedAction[] {
  const located = parseLocated(text, file);
  if (!located.ok) throw new ScriptError(`${file}:${located.line}: ${located.problem}`);
  const { doc, lineOf, lineAt } = located.doc;
  const root = doc.contents;
  if (!isSeq(root)) throw new ScriptError(`${file}:${lineOf(root as Node)}: a script is a list of timed actions, like [{"at": "5s", "do": "crash", "target": "master-1"}]`);
  const problems: FileProblem[] = [];
  const entries = root.items.map((item, i): ScriptEntry | null => {
    const field = (path: readonly (string | number)[], m: string) => (!path.length || m.startsWith(`"${path[0]}"`) ? '' : `"${path.join('.')}"${m.startsWith('must') ? ' ' : ': '}`);
    const say = (path: readonly (string | number)[], m: string) => `entry ${i + 1}: ${field(path, m)}${m}`;
    if (!isMap(item)) {
      problems.push({ line: lineOf(item as Node), message: say([], 'each entry must be an object like {"at": "5s", "do": "crash", "target": "master-1"}') });
      return null;
    }
    const r = ScriptEntrySchema.safeParse(item.toJSON());
    if (!r.success) problems.push(...issueProblems(r.error, lineAt, [i], say));
    return r.data ?? null;
  });
  const nodes = possibleNodeNames(config, entries.map((e) => ({ type: e?.do, topology: e?.topology })));
  const out: TimedAction[] = [];
  let prev = 0;
  entries.forEach((e, i) => {
    if (!e) return;
    const entry = i + 1;
    const problem = (path: (string | number)[], m: string) => problems.push({ line: lineAt([i, ...path]), message: `entry ${entry}: ${m}` });
    for (const k of NODE_FIELDS) {
      const why = e[k] === undefined ? null : nodeNameProblem(e[k], nodes, []);
      if (why) problem([k], `"${k}": ${why}`);
    }
    const onMaster = componentTargetProblem(e.do, e.target, e.component);
    if (onMaster) problem(['target'], onMaster);
    const atMs = e.at !== undefined ? parseDuration(e.at)! : prev + parseDuration(e.after!)!;
    if (e.at !== undefined && atMs < prev) problem(['at'], `"at" ${JSON.stringify(e.at)} is earlier than the entry before it; entries run in order`);
    const { do: type, at: _a, after: _af, ...fields } = e;
    out.push({ atMs, action: { type, ...fields } as SimAction, entry, line: lineOf(root.items[i] as Node) });
    prev = Math.max(prev, atMs);
  });
  if (problems.length) throw new ScriptError(problemReport(file, problems));
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
