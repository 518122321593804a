// Scenarios and built-in lessons: list, load (a name or a file), configure, drive, run headless.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../sim/types.js';
import { parseScenario, ScenarioError, type Scenario } from './load.js';
import { builtinFiles, nameOf } from './catalog.js';
import { ScenarioDriver } from './scenario-driver.js';

export type { Scenario } from './load.js';
export { ScenarioDriver, type LessonView } from './scenario-driver.js';
export { ScenarioError, parseScenario } from './load.js';

export { lessonsDir, lessonCatalog } from './catalog.js';

export function listScenarios(): { name: string; title: string; description: string }[] {
  return builtinFiles().map((f) => {
    const s = parseScenario(readFileSync(f, 'utf8'), f, nameOf(f));
    return { name: s.name, title: s.title, description: s.description };
  });
}

export function loadScenario(nameOrPath: string): { ok: true; scenario: Scenario; source: string } | { ok: false; error: string } {
  const builtin = builtinFiles().find((f) => nameOf(f) === nameOrPath || nameOf(f).replace(/^\d+-/, '') === nameOrPath);
  const file = builtin ?? nameOrPath;
  if (!builtin && !existsSync(file)) {
    const names = builtinFiles().map(nameOf);
    return { ok: false, error: `no scenario "${nameOrPath}": not a built-in lesson (${names.join(', ')}) nor a file` };
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { ok: false, error: `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? 'error'}` };
  }
  try {
    return { ok: true, scenario: parseScenario(text, builtin ? path.basename(file) : file, nameOf(file)), source: text };
  } catch (e) {
    if (e instanceof ScenarioError) return { ok: false, error: e.message };
    throw e;
  }
}

export function scenarioConfig(scenario: Scenario, seedOverride?: number): Config {
  return seedOverride === undefined ? scenario.config : { ...scenario.config, seed: seedOverride };
}

export function scenarioDriver(scenario: Scenario, opts: { interactive?: boolean } = {}): ScenarioDriver {
  return new ScenarioDriver(scenario, opts.interactive ?? false);
}
