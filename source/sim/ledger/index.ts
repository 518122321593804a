// The outage ledger: for every fault or action a user injects, the windows it caused (see README,
// "The outage ledger"). Pure: part of the State, updated every tick by tickLedger.
import type { State } from '../types.js';
import type { OutageRecord } from './record.js';

export { LEDGER_MEASURES, newRecord, type OutageRecord, type LedgerMeasure } from './record.js';
export type { LedgerState, Verdict, ApiVerdict, TickOutcomes } from './state.js';
export { tickLedger, LEDGER_CLOSED_LIMIT } from './tick.js';
export { openOutage, opensRecord, faultName } from './open.js';
export { VERDICT_WINDOW_MS } from './window.js';
export { LATE_MS } from './outcomes.js';

/** Every record, oldest action first: the closed ones still kept, then the open ones as measured so far. */
export function ledgerOf(s: State): OutageRecord[] {
  const all = [...s.ledger.history, ...s.ledger.open];
  return all.sort((a, b) => a.at - b.at);
}

/** Records closed after the `seq`-th one (for streams that print each record once, when it closes). */
export function closedSince(s: State, seq: number): OutageRecord[] {
  const L = s.ledger;
  const n = Math.min(L.closedSeq - seq, L.history.length);
  return n > 0 ? L.history.slice(L.history.length - n) : [];
}

export function emptyLedger(): State['ledger'] {
  return {
    seen: { ok: 0, failed: 0, slow: 0, slowMs: 0, writesOk: 0, writesFailed: 0, cachedOk: 0, cachedFailed: 0 },
    recent: [],
    startedAt: null,
    etcdWasLeaderless: false,
    lastSuccessAt: null,
    lastApiBadAt: null,
    lastApiBad: null,
    lastNotGreenAt: null,
    open: [],
    history: [],
    closedSeq: 0,
  };
}
