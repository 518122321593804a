// The CLI's view of the scenario module (source/scenario): built-in lessons and scenario files.
import type { Config } from '../sim/types.js';
import type { Driver } from '../sim/driver.js';

export interface ScenarioInfo {
  name: string;
  title: string;
  description: string;
}

interface ScenarioModule {
  listScenarios(): ScenarioInfo[];
  loadScenario(nameOrPath: string): { ok: true; scenario: { title: string }; source: string } | { ok: false; error: string };
  scenarioConfig(scenario: unknown, seedOverride?: number): Config;
  scenarioDriver(scenario: unknown, opts?: { interactive?: boolean }): Driver;
}

async function mod(): Promise<ScenarioModule> {
  return (await import('../scenario/index.js')) as unknown as ScenarioModule;
}

export async function listScenarios(): Promise<ScenarioInfo[]> {
  return (await mod()).listScenarios();
}

export type LoadedScenario = { ok: true; title: string; config: Config; driver: (interactive: boolean) => Driver; scenario: unknown } | { ok: false; error: string };

/** Loads a built-in lesson or a file; the seed from --seed (if given) overrides the scenario's. */
export async function loadScenario(nameOrPath: string, seedOverride: number | undefined): Promise<LoadedScenario> {
  const m = await mod();
  const r = m.loadScenario(nameOrPath);
  if (!r.ok) return { ok: false, error: r.error };
  const scenario = r.scenario;
  return {
    ok: true,
    title: scenario.title,
    config: m.scenarioConfig(scenario, seedOverride),
    driver: (interactive: boolean) => m.scenarioDriver(scenario, { interactive }),
    scenario,
  };
}
