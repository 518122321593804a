// The measures a sweep reports: the outage ledger's numeric fields, with a label, a unit and the
// names `--measure` accepts (the field, or its kebab form without "Ms": kcm-leaderless).
import { LEDGER_MEASURES, type LedgerMeasure } from '../sim/ledger/index.js';

export type Measure = LedgerMeasure;
export const MEASURES: readonly Measure[] = LEDGER_MEASURES;

export const MEASURE_LABELS: Record<Measure, string> = {
  apiDegradedMs: 'API degraded',
  apiDownMs: 'API down',
  failedRequests: 'failed requests',
  slowRequests: 'slow requests',
  writesUnavailableMs: 'writes unavailable',
  etcdLeaderlessMs: 'etcd leaderless',
  kcmLeaderlessMs: 'KCM leaderless',
  schedulerLeaderlessMs: 'scheduler leaderless',
  backendsWronglyUpMs: 'backends wrongly UP',
  backendsWronglyDownMs: 'backends wrongly DOWN',
  podsBelowDesiredMs: 'pods below desired',
  greenAfterMs: 'green after',
};

/** The table's columns when --measure is not given. */
export const DEFAULT_TABLE_MEASURES: readonly Measure[] = ['apiDegradedMs', 'failedRequests', 'writesUnavailableMs', 'kcmLeaderlessMs', 'greenAfterMs'];

/** Durations end in "Ms"; the others are counts of requests. */
export const isDuration = (m: Measure): boolean => m.endsWith('Ms');

/** "kcmLeaderlessMs" -> "kcm-leaderless". */
export function measureFlagName(m: Measure): string {
  return m.replace(/Ms$/, '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** The measure a --measure word names (field or kebab form), or null. */
export function measureNamed(word: string): Measure | null {
  const w = word.trim();
  return MEASURES.find((m) => m === w || measureFlagName(m) === w) ?? null;
}
