// Machine-readable sweep results: NDJSON (one line per grid point) and CSV (one row per grid point
// and measure). Field names are stable; the measures are the outage ledger's fields.
import type { Measure } from './measures.js';
import type { PointSummary } from './aggregate.js';

export interface PointReport {
  /** What varies at this point, in --vary order: [knob, value as given]. */
  vary: [string, string][];
  summary: PointSummary;
}

export function pointLine(p: PointReport, measures: readonly Measure[]): string {
  const s = p.summary;
  return JSON.stringify({
    type: 'point',
    vary: Object.fromEntries(p.vary),
    runs: s.runs,
    anyFailure: s.anyFailure,
    notGreen: s.notGreen,
    measures: Object.fromEntries(measures.map((m) => [m, s.measures[m]])),
  });
}

export function toNdjson(points: readonly PointReport[], measures: readonly Measure[]): string {
  return points.map((p) => pointLine(p, measures) + '\n').join('');
}

/** RFC 4180: quote a field with a comma, a quote or a line break. */
export function csvField(v: string | number): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(points: readonly PointReport[], knobs: readonly string[], measures: readonly Measure[]): string {
  const rows = [[...knobs, 'runs', 'anyFailure', 'notGreen', 'measure', 'min', 'p50', 'p90', 'p99', 'max']];
  for (const p of points) {
    const vary = new Map(p.vary);
    for (const m of measures) {
      const d = p.summary.measures[m];
      rows.push([...knobs.map((k) => vary.get(k) ?? ''), String(p.summary.runs), String(p.summary.anyFailure), String(p.summary.notGreen), m, String(d.min), String(d.p50), String(d.p90), String(d.p99), String(d.max)]);
    }
  }
  return rows.map((r) => r.map(csvField).join(',') + '\n').join('');
}
