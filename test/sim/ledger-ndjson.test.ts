// The ledger and the verdict in the headless NDJSON: an `outage` line when a record closes,
// `summary.outages` in the end line (open records with greenAfterMs null), `verdict` in snapshots.
import { describe, expect, it } from 'vitest';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli, ndjson } from '../cli/run-cli.js';
import { LEDGER_MEASURES } from '../../source/sim/ledger/index.js';

const FIELDS = ['fault', 'at', ...LEDGER_MEASURES].sort();

describe('ledger in NDJSON', () => {
  it('prints each record once, when it closes, and all of them in summary.outages', () => {
    const r = runCli(['--headless', '--seed', '7', '--script', 'test/fixtures/faults.json', '--snapshot-every', '60s']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/LOST/);
    const lines = ndjson(r.stdout);
    const outages = lines.filter((l) => l.type === 'outage');
    const end = lines[lines.length - 1] as { type: string; summary: { outages: Record<string, unknown>[]; verdictAtEnd: string } };
    expect(end.type).toBe('end');
    const summary = end.summary.outages;
    // One record per injected fault or change; recoveries and heals open none.
    expect(summary.map((o) => o.fault)).toEqual([
      'crash master-1', 'partition master-2', 'kill controller-manager on master-3', 'stop scheduler on master-3',
      'restart scheduler on master-3', 'cut lb-1 <-> master-2', 'set-topology external', 'crash etcd-1', 'crash etcd-2',
      'set-rps 200', 'delete-pod (first running)',
    ]);
    for (const o of summary) expect(Object.keys(o).sort()).toEqual(FIELDS);
    // Figures are whole milliseconds and counts: no float noise from sub-tick election times.
    for (const o of summary) for (const m of LEDGER_MEASURES) if (o[m] !== null) expect(Number.isInteger(o[m]), `${o.fault} ${m} ${o[m]}`).toBe(true);
    // Every closed record was printed once, when it closed: at the moment everything was green again.
    const closed = summary.filter((o) => o.greenAfterMs !== null);
    expect(outages.map(({ type: _t, t: _tt, ...o }) => o).sort((a, b) => (a.at as number) - (b.at as number))).toEqual(closed);
    for (const o of outages) expect(o.t).toBe((o.at as number) + (o.greenAfterMs as number));
    const crash = summary[0];
    expect(crash.kcmLeaderlessMs).toBeGreaterThan(13_000);
    expect(crash.greenAfterMs).toBeGreaterThanOrEqual(crash.kcmLeaderlessMs as number);
    // Snapshots carry the verdict as data and words.
    const snaps = lines.filter((l) => l.type === 'snapshot') as { verdict: { api: string; detail: string; text: string } }[];
    expect(snaps.length).toBeGreaterThan(1);
    for (const s of snaps) {
      expect(['OK', 'DEGRADED', 'DOWN', 'STARTING']).toContain(s.verdict.api);
      expect(s.verdict.text).toBe(`API ${s.verdict.api} · ${s.verdict.detail}`);
    }
    expect(end.summary.verdictAtEnd).toBe(snaps[snaps.length - 1].verdict.text);
  });

  it('a record still open at the end is in summary.outages with greenAfterMs null, and has no outage line', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ledger-'));
    const script = path.join(dir, 'quorum.json');
    writeFileSync(script, JSON.stringify([{ at: '10s', do: 'crash', target: 'master-1' }, { at: '10s', do: 'crash', target: 'master-2' }]));
    const r = runCli(['--headless', '--seed', '3', '--script', script, '--duration', '40s']);
    expect(r.code).toBe(0);
    const lines = ndjson(r.stdout);
    expect(lines.some((l) => l.type === 'outage')).toBe(false);
    const end = lines[lines.length - 1] as { summary: { outages: Record<string, number | null>[]; verdictAtEnd: string } };
    expect(end.summary.outages).toHaveLength(2);
    for (const o of end.summary.outages) {
      expect(o.greenAfterMs).toBeNull();
      expect(o.at).toBe(10_000);
      expect(o.etcdLeaderlessMs).toBeGreaterThan(25_000);
      // Down once the survivor's watch cache stops answering (its /readyz fails, the LB marks it
      // DOWN after fall × inter); degraded before that, while cached reads still get through.
      expect(o.apiDownMs).toBeGreaterThan(20_000);
      expect((o.apiDownMs as number) + (o.apiDegradedMs as number)).toBeGreaterThan(25_000);
    }
    expect(end.summary.verdictAtEnd).toMatch(/^API DOWN · no request succeeds/);
  });
});
