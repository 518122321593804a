// Events: what happened, with the event that caused it.
// Plain data, part of a simulation snapshot (the State in ../types.ts).
import type { Ms } from './config.js';

export interface SimEvent {
  id: string;
  seq: number;
  t: Ms;
  kind: string;
  subject: string;
  message: string;
  cause: string | null;
  data?: Record<string, string | number | boolean | null>;
}
