// The rule for each field an action can carry: the one description the simulation's own
// validation (validateAction), the scenario schema and the --script parser are all built from.
// Which action takes which field is ACTION_FIELDS in actions.ts; what a value may be is here.
import type { SimAction } from './actions.js';
import { LIMITS } from './config.js';

export type FieldRule =
  | { kind: 'node' }
  | { kind: 'text'; what: string }
  | { kind: 'flag' }
  | { kind: 'choice'; values: readonly string[] }
  | { kind: 'int'; min: number; max: number };

export const COMPONENT_KINDS = ['apiserver', 'controller-manager', 'scheduler', 'etcd'] as const;
export const TOPOLOGIES = ['stacked', 'external'] as const;
export const LB_ALGORITHMS = ['roundrobin', 'leastconn', 'random'] as const;
export const LB_CHECKS = ['readyz', 'tls'] as const;

export const FIELD_RULES = {
  target: { kind: 'node' },
  from: { kind: 'node' },
  to: { kind: 'node' },
  component: { kind: 'choice', values: COMPONENT_KINDS },
  both: { kind: 'flag' },
  topology: { kind: 'choice', values: TOPOLOGIES },
  algorithm: { kind: 'choice', values: LB_ALGORITHMS },
  check: { kind: 'choice', values: LB_CHECKS },
  rps: { kind: 'int', min: LIMITS.rps.min, max: LIMITS.rps.max },
  enabled: { kind: 'flag' },
  pod: { kind: 'text', what: 'a pod name' },
} as const satisfies Record<string, FieldRule>;

export type ActionField = keyof typeof FIELD_RULES;
export const ACTION_FIELD_NAMES = Object.keys(FIELD_RULES) as ActionField[];

/** What is wrong with a field's value by its rule alone (nodes are checked against a cluster elsewhere), or null. */
export function fieldValueProblem(field: ActionField, value: unknown): string | null {
  const rule: FieldRule = FIELD_RULES[field];
  switch (rule.kind) {
    case 'node':
      return typeof value === 'string' ? null : `"${field}" must be a node name`;
    case 'text':
      return typeof value === 'string' ? null : `"${field}" must be ${rule.what}`;
    case 'flag':
      return typeof value === 'boolean' ? null : `"${field}" must be true or false`;
    case 'choice':
      return rule.values.includes(value as string) ? null : `"${field}" must be one of ${rule.values.join(', ')} (got ${JSON.stringify(value)})`;
    case 'int':
      return typeof value === 'number' && Number.isInteger(value) && value >= rule.min && value <= rule.max
        ? null
        : `"${field}" must be an integer from ${rule.min} to ${rule.max} (got ${JSON.stringify(value)})`;
  }
}

/** The first field of an action whose value breaks its rule, as a problem, or null. */
export function actionFieldProblem(a: SimAction): string | null {
  for (const [k, v] of Object.entries(a)) {
    if (k === 'type' || v === undefined || !(k in FIELD_RULES)) continue;
    const problem = fieldValueProblem(k as ActionField, v);
    if (problem) return problem;
  }
  return null;
}
