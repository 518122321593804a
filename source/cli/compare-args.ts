// `--compare KNOB=VALUE[,KNOB=VALUE]` and `--compare-scenario FILE|NAME`: the second cluster of a
// live A/B comparison. A knob is any cluster flag (the same list and validation as `sweep --vary`),
// so a bad name or value gets the same one line as on the command line.
import type { Config } from '../sim/types.js';
import { UsageError, kebab } from './flags.js';
import { formatDuration } from '../sim/duration.js';
import { KNOB_FLAGS, knobNamed, knobValue, pointConfig } from './sweep-grid.js';

/** The two sides' names as the screen shows them ("stacked" vs "external"). */
export interface CompareSides {
  config: Config;
  labelA: string;
  labelB: string;
}

const asCompare = (message: string) => message.replace(/^--vary\b/, '--compare');

/** Parses "topology=external" or "rps=200,lb=leastconn" into knob values. Throws UsageError. */
export function compareKnobs(spec: string): [string, string][] {
  const text = spec.trim();
  if (!text) throw new UsageError('--compare needs KNOB=VALUE, like --compare topology=external');
  const pairs: [string, string][] = [];
  for (const part of text.split(',')) {
    const m = /^\s*([A-Za-z][A-Za-z0-9-]*)\s*=\s*(\S.*?)\s*$/.exec(part);
    if (!m) throw new UsageError(`--compare takes KNOB=VALUE, like topology=external (got "${part.trim()}")`);
    const named = knobNamed(m[1]);
    if ('error' in named) throw new UsageError(asCompare(named.error));
    if (pairs.some(([k]) => k === named.knob)) throw new UsageError(`--compare: ${m[1]} is given twice`);
    pairs.push([named.knob, m[2]]);
  }
  return pairs;
}

/** Cluster B: cluster A with the knobs changed (same seed). Throws UsageError. */
export function compareConfig(a: Config, spec: string): CompareSides {
  const pairs = compareKnobs(spec);
  const point = Object.fromEntries(pairs.map(([k, v]) => {
    try {
      return [k, knobValue(k, v)];
    } catch (e) {
      throw e instanceof UsageError ? new UsageError(asCompare(e.message)) : e;
    }
  }));
  let config: Config;
  try {
    config = pointConfig(a, {}, point);
  } catch (e) {
    throw e instanceof UsageError ? new UsageError(`--compare ${spec.trim()}: ${e.message}`) : e;
  }
  const show = (c: Config, k: string) => String(KNOB_FLAGS[k](c)).replace(/^true$/, 'on').replace(/^false$/, 'off')
    .replace(/(\d+(?:\.\d+)?)ms/g, (_, n: string) => formatDuration(Number(n)));
  const changed = pairs.filter(([k]) => show(a, k) !== show(config, k));
  if (!changed.length) throw new UsageError(`--compare ${spec.trim()}: the cluster already has that setting; nothing to compare`);
  const words = (c: Config) => changed.map(([k]) => (changed.length === 1 && k === 'topology' ? show(c, k) : `${kebab(k)} ${show(c, k)}`)).join(', ');
  return { config, labelA: words(a), labelB: words(config) };
}
