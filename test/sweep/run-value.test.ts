// A run's records become one value per measure: independent outages are summed; a record opened
// while an earlier one was still not green is already inside it and is not counted twice.
import { describe, expect, it } from 'vitest';
import { newRecord, type OutageRecord } from '../../source/sim/ledger/index.js';
import { independentOutages, runValue } from '../../source/sweep/run-value.js';

function rec(fault: string, at: number, fields: Partial<OutageRecord>): OutageRecord {
  return { ...newRecord(fault, at), greenAfterMs: 0, ...fields };
}

describe('runValue', () => {
  it('is the record itself for one fault', () => {
    const r = rec('crash master-1', 20_000, { kcmLeaderlessMs: 16_400, failedRequests: 98, greenAfterMs: 16_800 });
    const v = runValue([r], 63_000);
    expect(v.values.kcmLeaderlessMs).toBe(16_400);
    expect(v.values.failedRequests).toBe(98);
    expect(v.values.greenAfterMs).toBe(16_800);
    expect(v.anyFailure).toBe(true);
    expect(v.notGreen).toBe(false);
  });

  it('does not add a fault stacked on an open one (its windows are already charged to the first)', () => {
    const first = rec('stop etcd on master-2', 20_000, { apiDownMs: 16_800, failedRequests: 895, greenAfterMs: 31_200 });
    const same = rec('stop etcd on master-3', 20_000, { apiDownMs: 16_800, failedRequests: 895, greenAfterMs: 31_200 });
    const later = rec('restart etcd on master-2', 35_000, { apiDownMs: 2900, failedRequests: 145, greenAfterMs: 16_200 });
    expect(independentOutages([later, same, first]).length).toBe(1);
    const v = runValue([first, same, later], 63_000);
    expect(v.values.apiDownMs).toBe(16_800);
    expect(v.values.failedRequests).toBe(895);
  });

  it('adds outages that start after the earlier ones were green again', () => {
    const a = rec('crash master-1', 10_000, { kcmLeaderlessMs: 15_000, greenAfterMs: 16_000 });
    const b = rec('crash master-2', 40_000, { kcmLeaderlessMs: 17_000, greenAfterMs: 18_000 });
    const v = runValue([b, a], 90_000);
    expect(v.values.kcmLeaderlessMs).toBe(32_000);
    expect(v.values.greenAfterMs).toBe(34_000);
    expect(v.anyFailure).toBe(false);
  });

  it('counts an outage never green again up to the end of the run, and flags it', () => {
    const r = rec('crash master-1', 20_000, { kcmLeaderlessMs: 43_000, greenAfterMs: null });
    const v = runValue([r], 63_000);
    expect(v.values.greenAfterMs).toBe(43_000);
    expect(v.notGreen).toBe(true);
  });

  it('counts the API down as a client-visible failure even without a failed request', () => {
    expect(runValue([rec('crash lb-1', 20_000, { apiDownMs: 2700 })], 63_000).anyFailure).toBe(true);
    expect(runValue([], 63_000).anyFailure).toBe(false);
  });
});
