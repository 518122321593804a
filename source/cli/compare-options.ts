// What a comparison run needs from the command line: cluster B's config and both sides' names,
// from --compare KNOB=VALUE or --compare-scenario FILE|NAME, or one line saying what is wrong.
import type { Config } from '../sim/types.js';
import type { RawFlags } from './flags.js';
import { UsageError } from './flags.js';
import { compareConfig, type CompareSides } from './compare-args.js';
import { loadScenario } from './scenario-adapter.js';

/** Flags that run something else than the live dashboard of two clusters. */
const NOT_WITH_COMPARE: [string, string][] = [
  ['scenario', '--scenario'], ['record', '--record'], ['listScenarios', '--list-scenarios'],
];

export type CompareRequest = { ok: true; sides: CompareSides } | { ok: false; error: string } | null;

/** Null when neither flag is given. `a` is the cluster the other flags describe. */
export async function compareRequest(flags: RawFlags, a: Config, headless: boolean): Promise<CompareRequest> {
  const knobs = flags.compare;
  const file = flags.compareScenario;
  if (knobs === undefined && file === undefined) return null;
  const flag = knobs !== undefined ? '--compare' : '--compare-scenario';
  if (knobs !== undefined && file !== undefined) return { ok: false, error: '--compare and --compare-scenario cannot be combined: compare one change at a time' };
  for (const [k, name] of NOT_WITH_COMPARE) if (flags[k] !== undefined && flags[k] !== false) return { ok: false, error: `${flag} runs two clusters side by side; it cannot be combined with ${name}` };
  if (!headless && flags.script !== undefined) return { ok: false, error: `${flag}: --script applies to a comparison with --headless only (timed actions for both clusters)` };
  if (flags.snapshotEvery !== undefined) return { ok: false, error: `${flag} --headless prints outage records and their differences, not snapshots: drop --snapshot-every` };
  if (knobs !== undefined) {
    try {
      return { ok: true, sides: compareConfig(a, String(knobs)) };
    } catch (e) {
      if (e instanceof UsageError) return { ok: false, error: e.message };
      throw e;
    }
  }
  const name = String(file).trim();
  if (!name) return { ok: false, error: '--compare-scenario needs a lesson name or a scenario file' };
  const r = await loadScenario(name, a.seed);
  if (!r.ok) return { ok: false, error: `--compare-scenario: ${r.error}` };
  const short = name.replace(/^.*[\\/]/, '').replace(/\.(ya?ml|json)$/i, '');
  return { ok: true, sides: { config: { ...r.config, seed: a.seed }, labelA: 'base', labelB: short } };
}
