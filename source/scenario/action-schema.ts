// The action vocabulary as zod: the fields of an action (`do: crash` with `target: ...`) for the
// scenario steps and the --script entries, built from the simulation's own lists (ACTION_FIELDS:
// which action takes which field; FIELD_RULES: what a field's value may be), so scripts, scenario
// files and the simulation's validateAction accept exactly the same actions.
import { z } from 'zod';
import { ACTION_FIELDS, type SimAction } from '../sim/actions.js';
import { ACTION_FIELD_NAMES, FIELD_RULES, fieldValueProblem, type ActionField } from '../sim/action-fields.js';

type Rules = typeof FIELD_RULES;
type ValueOf<R> = R extends { kind: 'flag' } ? boolean : R extends { kind: 'int' } ? number : R extends { values: readonly (infer V)[] } ? V : string;
type FieldShape = { [F in ActionField]: z.ZodOptional<z.ZodType<ValueOf<Rules[F]>>> };

function ruled<F extends ActionField>(field: F): z.ZodType<ValueOf<Rules[F]>> {
  return z.custom<ValueOf<Rules[F]>>().superRefine((v, ctx) => {
    const problem = fieldValueProblem(field, v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}

/** Every action field, optional, each checked by its rule; `actionRules` says which go with which action. */
export const ACTION_FIELD_SHAPE = Object.fromEntries(ACTION_FIELD_NAMES.map((f) => [f, ruled(f).optional()])) as FieldShape;

const takes = (type: string) => ACTION_FIELDS[type as SimAction['type']] ?? { required: [], optional: [] };

/**
 * The rules between an entry's `do` and its fields: a field the action does not take, a field it
 * needs, a link from a node to itself. Runs even when other parts of the entry are wrong, so a
 * file's every problem is reported at once.
 */
function actionRules(entry: unknown, ctx: z.RefinementCtx): void {
  if (entry === null || typeof entry !== 'object') return;
  const e = entry as Record<string, unknown>;
  // An unknown `do` is the schema's own problem; its fields are judged once it names an action.
  if (typeof e.do !== 'string' || !(e.do in ACTION_FIELDS || e.do === 'none')) return;
  const type = e.do;
  const spec = takes(type);
  const fields = [...spec.required, ...spec.optional];
  for (const f of ACTION_FIELD_NAMES) {
    if (e[f] !== undefined && !fields.includes(f)) ctx.addIssue({ code: 'custom', path: [f], message: `"${f}" does not go with do: ${type} (it takes ${fields.join(', ') || 'no other fields'})` });
  }
  for (const f of spec.required) if (e[f] === undefined) ctx.addIssue({ code: 'custom', path: [], message: `do: ${type} needs "${f}"` });
  if ((type === 'cut' || type === 'heal') && typeof e.from === 'string' && e.from === e.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'a link needs two different nodes' });
}

/** An object schema with the action fields beside `other`, checked against its `do`. */
export function withAction<S extends z.ZodRawShape>(other: S) {
  return z.strictObject({ ...ACTION_FIELD_SHAPE, ...other }).superRefine(actionRules, { when: () => true });
}

/** What is wrong with a node name in a cluster of these names, where `roles` (like @kcm-leader) also count. */
export function nodeNameProblem(name: string, names: ReadonlySet<string>, roles: readonly string[]): string | null {
  if (name.startsWith('@')) {
    if (roles.includes(name)) return null;
    return roles.length ? `unknown role ${name}; valid: ${roles.join(', ')}` : `no node named "${name}" (roles like ${name} work in scenario files; a script names nodes: ${[...names].join(', ')})`;
  }
  return names.has(name) ? null : `no node named "${name}" in this cluster (nodes: ${[...names].join(', ')})`;
}

/** Components run on masters (an external etcd node runs only etcd); null when the target may run it. */
export function componentTargetProblem(type: string, target: unknown, component: unknown): string | null {
  if (typeof target !== 'string' || typeof component !== 'string' || target.startsWith('@')) return null;
  if (target.startsWith('master-') || (target.startsWith('etcd-') && component === 'etcd')) return null;
  return `"${type}" of a component needs a master as "target" (components run on masters; got ${JSON.stringify(target)})`;
}
