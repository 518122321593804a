// One action vocabulary: a scenario step, a --script entry and the simulation's own validateAction
// accept and refuse the same field values, with the same words, because all three are built from
// ACTION_FIELDS and FIELD_RULES.
import { describe, expect, it } from 'vitest';
import { ACTION_FIELDS, SIM_ACTION_TYPES, type SimAction } from '../../source/sim/actions.js';
import { ACTION_FIELD_NAMES, FIELD_RULES, type ActionField } from '../../source/sim/action-fields.js';
import { validateAction } from '../../source/sim/apply-action.js';
import { createState } from '../../source/sim/create.js';
import { defaultConfig } from '../../source/sim/config.js';
import { StepSchema } from '../../source/scenario/schema.js';
import { parseActionScript } from '../../source/cli/script.js';

const config = defaultConfig({ seed: 3 });
const state = createState(config);

/** A good value of each field for this cluster (no pod is named: any pod will do). */
const GOOD: Record<ActionField, unknown> = { target: 'master-1', from: 'master-1', to: 'master-2', component: 'scheduler', both: true, topology: 'external', algorithm: 'leastconn', check: 'tls', rps: 100, enabled: true, pod: undefined };

/** The first action that takes `field`, with good values for everything else it needs. */
function actionWith(field: ActionField, value: unknown): Record<string, unknown> {
  const type = SIM_ACTION_TYPES.find((t) => [...ACTION_FIELDS[t].required, ...ACTION_FIELDS[t].optional].includes(field))!;
  const fields = Object.fromEntries(ACTION_FIELDS[type].required.map((f) => [f, GOOD[f as ActionField]]));
  return { type, ...fields, [field]: value };
}

const BAD: Record<string, unknown[]> = { node: [5], text: [5], flag: ['yes', 1], choice: ['nope'], int: [-1, 1.5, 10_001, '100'] };

function scriptProblem(a: Record<string, unknown>): string | null {
  const { type, ...fields } = a;
  try {
    parseActionScript(JSON.stringify([{ at: '1s', do: type, ...fields }]), 'f.json', config);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

describe('one action vocabulary', () => {
  it('every action has its fields listed, and every field has a rule', () => {
    for (const t of SIM_ACTION_TYPES) for (const f of [...ACTION_FIELDS[t].required, ...ACTION_FIELDS[t].optional]) expect(ACTION_FIELD_NAMES).toContain(f);
    expect(ACTION_FIELD_NAMES.sort()).toEqual(Object.keys(FIELD_RULES).sort());
  });

  for (const field of ACTION_FIELD_NAMES) {
    for (const bad of BAD[FIELD_RULES[field].kind]) {
      it(`${field} = ${JSON.stringify(bad)} is refused by the simulation, the scenario schema and the script parser alike`, () => {
        const a = actionWith(field, bad);
        const sim = validateAction(state, a as SimAction);
        expect(sim).not.toBeNull();
        const { type, ...fields } = a;
        const step = StepSchema.safeParse({ at: '1s', do: type, ...fields });
        expect(step.success).toBe(false);
        const stepMessages = step.error!.issues.map((i) => i.message);
        expect(stepMessages).toContain(sim);
        expect(scriptProblem(a)).toContain(sim!);
      });
    }
  }

  it('good values pass all three', () => {
    for (const field of ACTION_FIELD_NAMES) {
      const a = actionWith(field, GOOD[field]);
      expect(validateAction(state, a as SimAction)).toBeNull();
      const { type, ...fields } = a;
      expect(StepSchema.safeParse({ at: '1s', do: type, ...fields }).success).toBe(true);
      expect(scriptProblem(a)).toBeNull();
    }
  });
});
