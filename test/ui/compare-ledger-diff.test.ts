// The ledger difference of a comparison in words: B's figure against A's, the biggest time
// difference first, equal measures said to be equal, a fault seen by one side only named.
import { describe, expect, it } from 'vitest';
import { newRecord, type OutageRecord } from '../../source/sim/ledger/index.js';
import { diffRecords, ledgerDiffs, diffSentence } from '../../source/ui/compare/ledger-diff.js';

const rec = (over: Partial<OutageRecord>): OutageRecord => ({ ...newRecord('crash master-1', 20_000), greenAfterMs: 18_000, ...over });

describe('diffRecords', () => {
  it('says the biggest difference first with both names, then the rest, then what was equal', () => {
    const a = rec({ writesUnavailableMs: 1300, etcdLeaderlessMs: 1200, kcmLeaderlessMs: 12_000, failedRequests: 4 });
    const b = rec({ writesUnavailableMs: 0, etcdLeaderlessMs: 0, kcmLeaderlessMs: 12_000, failedRequests: 0 });
    const d = diffRecords(a, b, 'stacked', 'external');
    expect(d.differs).toBe(true);
    expect(diffSentence(d)).toBe('crash master-1 at 00:20.0 → external: writes unavailable 0.0 s vs stacked 1.3 s; etcd leaderless 0.0 s vs 1.2 s; failed requests 0 vs 4; KCM leaderless equal; both green after 18.0 s');
  });

  it('no difference is said as such', () => {
    const a = rec({ kcmLeaderlessMs: 5000 });
    const d = diffRecords(a, { ...a }, 'A', 'B');
    expect(d.differs).toBe(false);
    expect(d.text).toBe('no difference; KCM leaderless equal; both green after 18.0 s');
  });

  it('a different time to green is a difference', () => {
    const d = diffRecords(rec({}), rec({ greenAfterMs: null }), 'stacked', 'external');
    expect(d.differs).toBe(true);
    expect(d.text).toBe('not green yet vs green after 18.0 s');
  });
});

describe('ledgerDiffs', () => {
  it('pairs the same action at the same time and names a fault only one side recorded', () => {
    const a = [rec({}), newRecord('crash master-3', 40_000)];
    const b = [rec({}), newRecord('crash etcd-1', 30_000)];
    const ds = ledgerDiffs(a, b, 'stacked', 'external');
    expect(ds.map((d) => [d.fault, d.text.startsWith('only') ? d.text : 'paired'])).toEqual([
      ['crash master-1', 'paired'],
      ['crash etcd-1', 'only external has a record of it'],
      ['crash master-3', 'only stacked has a record of it'],
    ]);
  });
});
