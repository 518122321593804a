// The fault a sweep runs: a sweep scenario (scenarios/faults), a lesson, a scenario file, or a
// script of timed actions; read and checked before anything runs (one line on a problem).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../sim/types.js';
import { lessonsDir } from '../scenario/catalog.js';
import { loadScenario, parseScenario, ScenarioError } from '../scenario/index.js';
import { parseActionScript, ScriptError, type TimedAction } from './script.js';
import { UsageError } from './flags.js';
import type { Plan } from '../sweep/plan.js';

/** The sweep scenarios shipped in scenarios/faults. */
export function faultFiles(): string[] {
  const dir = lessonsDir();
  const faults = dir ? path.join(dir, 'faults') : null;
  if (!faults || !existsSync(faults)) return [];
  return readdirSync(faults).filter((f) => /\.(ya?ml|json)$/.test(f)).sort().map((f) => path.join(faults, f));
}

const nameOf = (file: string) => path.basename(file).replace(/\.(ya?ml|json)$/, '');

export function faultCatalog(): { name: string; title: string }[] {
  return faultFiles().map((f) => {
    const s = parseScenario(readFileSync(f, 'utf8'), path.basename(f), nameOf(f));
    return { name: s.name, title: s.title };
  });
}

/** Loads --scenario: a sweep scenario by name first, then a lesson or a file. Throws UsageError. */
export function scenarioPlan(nameOrPath: string, durationMs: number | null): Plan & { kind: 'scenario' } {
  const fault = faultFiles().find((f) => nameOf(f) === nameOrPath);
  if (fault) {
    try {
      return { kind: 'scenario', name: nameOrPath, scenario: parseScenario(readFileSync(fault, 'utf8'), path.basename(fault), nameOrPath), durationMs };
    } catch (e) {
      if (e instanceof ScenarioError) throw new UsageError(e.message);
      throw e;
    }
  }
  const r = loadScenario(nameOrPath);
  if (!r.ok) {
    const missing = r.error.startsWith(`no scenario "${nameOrPath}"`);
    throw new UsageError(missing ? `no scenario "${nameOrPath}": not a sweep scenario (${faultFiles().map(nameOf).join(', ')}), a lesson nor a file` : r.error);
  }
  return { kind: 'scenario', name: nameOrPath, scenario: r.scenario, durationMs };
}

/** Reads and checks --script against a cluster. Throws UsageError. */
export function scriptEntries(file: string, config: Config): TimedAction[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`--script: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  try {
    return parseActionScript(text, file, config);
  } catch (e) {
    if (e instanceof ScriptError) throw new UsageError(e.message);
    throw e;
  }
}
