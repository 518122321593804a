// renderScenarioToCast: the headless recorder's entry point for the CLI and the bench.
import type { Config } from '../sim/types.js';
import type { Driver } from '../sim/driver.js';
import { defaultConfig } from '../sim/config.js';
import type { RenderCastOptions, RenderCastResult, Size } from './render-cast.js';
import { renderToCast } from './render-cast.js';
import { loadScenario, scenarioConfig, scenarioDriver } from '../scenario/index.js';

export { renderToCast, headlessHeader } from './render-cast.js';
export type { RenderCastOptions, RenderCastResult, Size } from './render-cast.js';
export { dashboardView, type FrameView, type FrameViewProps } from '../ui/recorded-frame.js';

export interface RenderScenarioOptions extends Omit<RenderCastOptions, 'config' | 'driver'> {
  /** A built-in lesson name or a scenario file; its driver runs the steps, its setup gives the config. */
  scenario?: string;
  /** Or a ready driver (a --script, a test's own). */
  driver?: Driver;
  /** The cluster; with a scenario, the scenario's setup wins over these defaults. */
  config?: Config;
}

/** Loads a scenario through source/scenario (loadScenario + scenarioDriver). */
async function scenarioSetup(nameOrFile: string): Promise<{ driver: Driver; config: Config; title: string }> {
  const r = loadScenario(nameOrFile);
  if (!r.ok) throw new Error(r.error);
  return { driver: scenarioDriver(r.scenario), config: scenarioConfig(r.scenario), title: r.scenario.title };
}

/**
 * Renders a scenario (or any driver) to an asciicast at simulated time; see renderToCast.
 * The header timestamp is 0 unless opts.timestamp is given: the same seed and scenario give
 * byte-identical casts.
 */
export async function renderScenarioToCast(opts: RenderScenarioOptions): Promise<RenderCastResult> {
  let { driver, config, title } = opts;
  if (opts.scenario) {
    const s = await scenarioSetup(opts.scenario);
    driver = driver ?? s.driver;
    config = s.config;
    title = title ?? s.title;
  }
  return renderToCast({ ...opts, driver, config: config ?? defaultConfig(), title });
}

/** "120x36" → { cols: 120, rows: 36 }; null when malformed or outside 20x8 .. 1000x500. */
export function parseSize(text: string): Size | null {
  const m = /^\s*(\d{1,4})\s*[xX×]\s*(\d{1,4})\s*$/.exec(text);
  if (!m) return null;
  const cols = Number(m[1]);
  const rows = Number(m[2]);
  if (cols < 20 || rows < 8 || cols > 1000 || rows > 500) return null;
  return { cols, rows };
}
