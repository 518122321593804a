// --compare with --headless: both clusters run the same timed actions (--script) with the same
// seed, at full speed, and the outage ledgers are printed as NDJSON: a start line naming both
// sides, every outage record of each side, the difference per fault in words, and an end line.
import type { Writable } from 'node:stream';
import type { Config } from '../sim/types.js';
import type { Driver } from '../sim/driver.js';
import { RunLoop, STATE_WORLD } from '../sim/run-loop.js';
import { createState } from '../sim/create.js';
import { ledgerOf } from '../sim/ledger/index.js';
import { verdictText } from '../sim/verdict-words.js';
import { ledgerDiffs } from '../ui/compare/ledger-diff.js';
import { NdjsonWriter } from './ndjson.js';
import type { CompareSides } from './compare-args.js';

export interface CompareHeadlessOptions {
  config: Config;
  sides: CompareSides;
  durationMs: number;
  /** A fresh driver for each side (a script's driver keeps its place). */
  driver: () => { driver: Driver; nextAt: () => number | null } | null;
  version: string;
}

function runSide(config: Config, opts: CompareHeadlessOptions) {
  const d = opts.driver();
  const loop = new RunLoop(createState(config), STATE_WORLD, { driver: d?.driver ?? null, nextAt: d?.nextAt, endMs: opts.durationMs, stopWhenDone: false });
  return loop.runToEnd().state;
}

export async function runCompareHeadless(opts: CompareHeadlessOptions, out: Writable): Promise<number> {
  const w = new NdjsonWriter(out);
  const { labelA, labelB } = opts.sides;
  w.write({ type: 'start', t: 0, seed: opts.config.seed, version: opts.version, compare: { a: { label: labelA, config: opts.config }, b: { label: labelB, config: opts.sides.config } } });
  const a = runSide(opts.config, opts);
  const b = runSide(opts.sides.config, opts);
  for (const [side, label, s] of [['a', labelA, a], ['b', labelB, b]] as const) {
    for (const r of ledgerOf(s)) w.write({ type: 'outage', t: r.at, side, label, ...r });
  }
  for (const d of ledgerDiffs(ledgerOf(a), ledgerOf(b), labelA, labelB)) {
    w.write({ type: 'difference', t: d.at, fault: d.fault, differs: d.differs, message: d.text });
  }
  w.write({ type: 'end', t: a.t, summary: { seed: opts.config.seed, a: { label: labelA, verdictAtEnd: verdictText(a.verdict) }, b: { label: labelB, verdictAtEnd: verdictText(b.verdict) } } });
  await w.end();
  if (w.isClosed && w.failure !== null) {
    process.stderr.write(`kube-ha-lab: cannot write the output (${w.failure})\n`);
    return 74;
  }
  return 0;
}
