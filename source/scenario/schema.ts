// The scenario file format, as a zod schema: setup (the cluster), steps (time, action, narration,
// marker, prediction question, expectations). One file is a lesson, a demo and a test.
import { z } from 'zod';
import { parseDuration } from '../sim/duration.js';
import { SIM_ACTION_TYPES } from '../sim/actions.js';
import { LIMITS } from '../sim/config.js';
import { LB_ALGORITHMS, LB_CHECKS, TOPOLOGIES } from '../sim/action-fields.js';
import { withAction } from './action-schema.js';

export const duration = z.union([z.string(), z.number()]).refine((v) => parseDuration(v) !== null, { message: 'must be a duration like "15s", "100ms" or "2m"' });
const int = (min: number, max: number) => z.number().int().min(min).max(max);
const LEASE = z.enum(['kube-controller-manager', 'kube-scheduler']);
const who = z.union([z.strictObject({ is: z.string() }), z.strictObject({ not: z.string() }), z.literal('none')]);
const count = z.union([z.number().int().min(0), z.strictObject({ atLeast: z.number().int().min(0).optional(), atMost: z.number().int().min(0).optional(), is: z.number().int().min(0).optional() })]);

/** within: holds at some moment before D; after: holds at D; for: holds at every moment for D. */
const timing = { within: duration.optional(), after: duration.optional(), for: duration.optional() };

export const ExpectationSchema = z.union([
  z.strictObject({ lease: LEASE, holder: who.optional(), transitions: count.optional(), ...timing }),
  z.strictObject({ etcd: z.strictObject({ leader: who.optional(), quorum: z.boolean().optional(), term: z.strictObject({ greaterThan: z.number().int() }).optional() }), ...timing }),
  z.strictObject({ lb: z.union([z.strictObject({ backend: z.string(), state: z.enum(['UP', 'DOWN']) }), z.strictObject({ vip: z.string(), moves: count.optional() })]), ...timing }),
  z.strictObject({ api: z.strictObject({ writes: z.enum(['ok', 'failing']) }), ...timing }),
  z.strictObject({ pods: z.strictObject({ running: count }), ...timing }),
  z.strictObject({ node: z.string(), state: z.enum(['up', 'crashed', 'stopped']), ...timing }),
  z.strictObject({ apiserver: z.string(), ready: z.boolean(), ...timing }),
]);
export type Expectation = z.infer<typeof ExpectationSchema>;

export const StepSchema = withAction({
  at: duration.optional(),
  after: duration.optional(),
  wait: z.strictObject({ until: ExpectationSchema, timeout: duration }).optional(),
  do: z.enum([...SIM_ACTION_TYPES, 'none'] as [string, ...string[]]).optional(),
  say: z.string().optional(),
  marker: z.string().optional(),
  pause: z.boolean().optional(),
  /** The pane the step is about: shown at compact sizes while the step is current. */
  focus: z.enum(['lb', 'leases', 'etcd', 'workloads', 'masters', 'events', 'timeline']).optional(),
  ask: z.strictObject({ question: z.string(), choices: z.array(z.string()).min(2), answer: z.number().int().min(0), explain: z.string().optional() }).optional(),
  expect: z.array(ExpectationSchema).optional(),
}).superRefine((st, ctx) => {
  const times = ['at', 'after', 'wait'].filter((k) => st[k as 'at'] !== undefined);
  if (times.length > 1) ctx.addIssue({ code: 'custom', message: `give one of at, after or wait, not ${times.join(' and ')}`, path: [times[1]] });
  if (st.ask && st.ask.answer >= st.ask.choices.length) ctx.addIssue({ code: 'custom', message: `ask.answer ${st.ask.answer} is not one of the ${st.ask.choices.length} choices (counted from 0)`, path: ['ask', 'answer'] });
});
export type Step = z.infer<typeof StepSchema>;

export const SetupSchema = z.strictObject({
  masters: int(LIMITS.masters.min, LIMITS.masters.max).optional(),
  etcd: int(LIMITS.etcdMembers.min, LIMITS.etcdMembers.max).optional(),
  topology: z.enum(TOPOLOGIES).optional(),
  workers: int(LIMITS.workers.min, LIMITS.workers.max).optional(),
  replicas: int(LIMITS.replicas.min, LIMITS.replicas.max).optional(),
  lb: z.enum(LB_ALGORITHMS).optional(),
  lbPair: z.boolean().optional(),
  lbCheck: z.enum(LB_CHECKS).optional(),
  rps: int(LIMITS.rps.min, LIMITS.rps.max).optional(),
  seed: int(LIMITS.seed.min, LIMITS.seed.max).optional(),
  knobs: z
    .strictObject({
      leaseDuration: duration.optional(),
      renewDeadline: duration.optional(),
      retryPeriod: duration.optional(),
      etcdHeartbeat: duration.optional(),
      etcdElectionTimeout: duration.optional(),
      preVote: z.boolean().optional(),
      checkInterval: duration.optional(),
      fall: int(LIMITS.fall.min, LIMITS.fall.max).optional(),
      rise: int(LIMITS.rise.min, LIMITS.rise.max).optional(),
      retries: int(LIMITS.retries.min, LIMITS.retries.max).optional(),
      redispatch: z.boolean().optional(),
      connectTimeout: duration.optional(),
      preemptDelay: duration.optional(),
    })
    .optional(),
});

export const ScenarioSchema = z.strictObject({
  title: z.string().min(1),
  description: z.string().optional(),
  setup: SetupSchema.optional(),
  steps: z.array(StepSchema).min(1, { message: 'a scenario needs at least one step' }),
});
export type ScenarioFile = z.infer<typeof ScenarioSchema>;
