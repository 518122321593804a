// How one run's outage records become one value per measure.
//
// The ledger charges every bad window to every record still open (a record stays open until
// everything is green again after its action). So a record opened while an earlier one was still
// not green is already counted in that earlier one from its own start on; adding it would count
// the same seconds twice. A run's value is therefore the sum over its independent outages: the
// records that start after every earlier record turned green. For a scenario with one fault, or
// faults stacked on each other (lose quorum, then restore it), that is the record of the first
// fault. A record still not green when the run ends counts its green-after time up to the end of
// the run, and the run is counted as "not green".
import type { OutageRecord } from '../sim/ledger/index.js';
import { MEASURES, type Measure } from './measures.js';

export interface RunValue {
  values: Record<Measure, number>;
  /** Clients saw a failure: a failed request, or the API down. */
  anyFailure: boolean;
  /** Some outage was not green again when the run ended. */
  notGreen: boolean;
}

/** The records that start after every earlier record turned green (oldest first). */
export function independentOutages(records: readonly OutageRecord[]): OutageRecord[] {
  const sorted = [...records].sort((a, b) => a.at - b.at);
  const out: OutageRecord[] = [];
  let greenAt = -Infinity;
  for (const r of sorted) {
    const end = r.greenAfterMs === null ? Infinity : r.at + r.greenAfterMs;
    if (r.at > greenAt) out.push(r);
    greenAt = Math.max(greenAt, end);
  }
  return out;
}

/** One value per measure for a run that ended at simulated time `endT`. */
export function runValue(records: readonly OutageRecord[], endT: number): RunValue {
  const values = Object.fromEntries(MEASURES.map((m) => [m, 0])) as Record<Measure, number>;
  let notGreen = false;
  for (const r of independentOutages(records)) {
    for (const m of MEASURES) {
      const v = r[m];
      if (v === null) {
        notGreen = true;
        values[m] += Math.max(0, endT - r.at);
      } else values[m] += v;
    }
  }
  return { values, anyFailure: values.failedRequests > 0 || values.apiDownMs > 0, notGreen };
}
