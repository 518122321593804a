#!/usr/bin/env node
// kube-ha-lab: the command line. Parses and validates flags (one line and exit 2 on bad input),
// then runs the dashboard, the headless NDJSON runner, or lists the lessons.
// React reads NODE_ENV; the bundled CLI is built for production already, this covers `tsx cli.tsx`.
const env = process.env;
env.NODE_ENV ||= 'production';

import { readFileSync } from 'node:fs';
import meow from 'meow';
import { FLAGS, UsageError, helpText, toOptions, type RawFlags } from './source/cli/flags.js';
import { scanArgv } from './source/cli/argv.js';

const NAME = 'kube-ha-lab';

function version(): string {
  for (const rel of ['../package.json', './package.json']) {
    try {
      return (JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { version: string }).version;
    } catch {
      // try the next location (built vs source layout)
    }
  }
  return '0.0.0';
}

function usage(message: string): number {
  process.stderr.write(`${NAME}: ${message}\n`);
  return 2;
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'sweep') {
    const { runSweepCommand } = await import('./source/cli/sweep.js');
    return runSweepCommand(argv.slice(1), { stdout: process.stdout, stderr: process.stderr, env: process.env, signals: process });
  }
  // `kube-ha-lab export IN.cast OUT.svg|OUT.gif`: a command of its own, with its own options.
  if (argv[0] === 'export') return (await import('./source/export/run.js')).runExport(argv.slice(1));
  // One strict pass first: unknown or repeated flags, missing values and stray arguments each get
  // one line here, so meow never prints its own multi-line help or throws.
  const scan = scanArgv(argv);
  if (!scan.ok) return usage(scan.error);
  let cli;
  try {
    cli = meow(helpText(), {
      importMeta: import.meta,
      argv: scan.argv,
      allowUnknownFlags: false,
      autoHelp: false,
      autoVersion: false,
      flags: Object.fromEntries(Object.entries(FLAGS).map(([k, f]) => [k, { type: f.type }])) as never,
    });
  } catch (e) {
    return usage(e instanceof Error ? e.message.split('\n')[0] : String(e));
  }
  // Only what was on the command line: meow fills absent booleans with false, and "not given" must
  // stay distinct for the knobs that default to true (--pre-vote, --redispatch, --color).
  const flags: RawFlags = {};
  for (const [k, v] of Object.entries(cli.flags as RawFlags)) if (scan.given.has(k) && v !== undefined) flags[k] = v;
  if (flags.help) {
    process.stdout.write(`\n  ${NAME} ${version()}: a live lab of a highly-available Kubernetes control plane\n\n${helpText().replace(/^/gm, '  ')}\n\n`);
    return 0;
  }
  if (flags.version) {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  if (cli.input.length > 0) return usage(`unexpected argument "${cli.input[0]}" (options start with --; see --help)`);

  let opts;
  try {
    // A run without --seed picks one (printed in the header and the NDJSON start line, so any run
    // can be repeated); it only has to differ between runs, not be unpredictable.
    opts = toOptions(flags, () => Math.floor(Math.random() * 2 ** 31));
  } catch (e) {
    if (e instanceof UsageError) return usage(e.message);
    throw e;
  }

  // --compare / --compare-scenario: two clusters side by side (source/cli/compare-*.ts).
  const compare = await (await import('./source/cli/compare-options.js')).compareRequest(flags, opts.config, opts.headless);
  if (compare && !compare.ok) return usage(compare.error);

  if (opts.listScenarios) {
    const { listScenarios } = await import('./source/cli/scenario-adapter.js');
    const list = await listScenarios();
    const w = Math.max(...list.map((l) => l.name.length), 4);
    for (const l of list) process.stdout.write(`${l.name.padEnd(w)}  ${l.title}\n`);
    const { lessonHowTo } = await import('./source/export/how-to.js');
    process.stdout.write(lessonHowTo(list.map((l) => l.name)));
    return 0;
  }

  if (opts.lint) {
    const { lintText } = await import('./source/scenario/lint-file.js');
    let text: string;
    try {
      text = readFileSync(opts.lint, 'utf8');
    } catch (e) {
      return usage(`--lint: cannot read ${opts.lint}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
    }
    const findings = lintText(text, opts.lint);
    for (const f of findings) process.stdout.write(`${f}\n`);
    if (!findings.length) process.stdout.write(`${opts.lint}: no findings\n`);
    return findings.length ? 1 : 0;
  }

  let scenario = null;
  if (opts.scenario) {
    const { loadScenario } = await import('./source/cli/scenario-adapter.js');
    const r = await loadScenario(opts.scenario, opts.seedGiven ? opts.config.seed : undefined);
    if (!r.ok) return usage(r.error);
    scenario = r;
    opts.config = r.config;
  }

  let keyScript: string | null = null;
  let actionScript = null;
  if (opts.script) {
    const { classifyScriptText } = await import('./source/ui/input/script-kind.js');
    let text: string;
    try {
      text = readFileSync(opts.script, 'utf8');
    } catch (e) {
      return usage(`--script: cannot read ${opts.script}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
    }
    const kind = classifyScriptText(text);
    if (kind === 'keys') keyScript = opts.script;
    else if (kind === 'mixed') return usage(`--script ${opts.script}: mixes keystroke entries ("key") and action entries ("do"); use one kind per file`);
    else {
      const { parseActionScript, ScriptError } = await import('./source/cli/script.js');
      try {
        actionScript = parseActionScript(text, opts.script, opts.config);
      } catch (e) {
        if (e instanceof ScriptError) return usage(e.message);
        throw e;
      }
    }
  }

  if (opts.record) {
    const { checkRecordPath } = await import('./source/record/record-path.js');
    const { setCastHeaderExtras, commandLine } = await import('./source/record/cast-sink.js');
    const problem = checkRecordPath(opts.record);
    if (problem) return usage(problem);
    setCastHeaderExtras({ title: opts.title ?? scenario?.title, command: commandLine(NAME, argv), idle_time_limit: 2 });
  }

  if (compare && opts.headless) {
    if (keyScript) return usage('--script: a keystroke script drives the dashboard; with --headless use timed actions ({"at": "5s", "do": "crash", "target": "master-1"})');
    const { ScriptDriver } = await import('./source/cli/script.js');
    const { runCompareHeadless } = await import('./source/cli/compare-headless.js');
    const script = actionScript;
    return runCompareHeadless({
      config: opts.config,
      sides: compare.sides,
      durationMs: opts.durationMs ?? (script ? Math.max(60_000, (script.at(-1)?.atMs ?? 0) + 30_000) : 60_000),
      driver: () => {
        if (!script) return null;
        const d = new ScriptDriver(script);
        return { driver: d, nextAt: () => d.nextAt() };
      },
      version: version(),
    }, process.stdout);
  }

  if (opts.headless) {
    if (keyScript) return usage('--script: a keystroke script drives the dashboard; with --headless use timed actions ({"at": "5s", "do": "crash", "target": "master-1"})');
    const { ScriptDriver } = await import('./source/cli/script.js');
    const scriptDriver = actionScript ? new ScriptDriver(actionScript) : null;
    const driver = scenario ? scenario.driver(false) : scriptDriver;
    if (scenario && scriptDriver) return usage('--script and --scenario cannot be combined in one run');
    // A script without --duration runs the usual minute, or until 30 s after its last action.
    const scriptMs = actionScript ? Math.max(60_000, (actionScript.at(-1)?.atMs ?? 0) + 30_000) : null;
    if (opts.record) {
      const { withoutFetch } = await import('./source/ui/without-fetch.js');
      const { renderScenarioToCast } = await withoutFetch(() => import('./source/record/render-scenario.js'));
      const res = await renderScenarioToCast({
        driver: driver ?? undefined,
        config: opts.config,
        size: opts.size,
        out: opts.record,
        title: opts.title ?? (scenario ? scenario.title : NAME),
        durationMs: opts.durationMs ?? scriptMs ?? undefined,
        onError: () => {}, // reported once below, from res.error
      });
      if (res.error) return usage(res.error);
      // Then the NDJSON of the run, as without --record (the same seed and steps as the cast's, run
      // by the same loop); a cast that could not be written has exited 2 before any of it.
      const ndjsonCode = await (await import('./source/cli/headless.js')).runHeadless({
        config: opts.config,
        durationMs: opts.durationMs ?? scriptMs,
        snapshotEveryMs: opts.snapshotEveryMs,
        driver: scenario ? scenario.driver(false) : actionScript ? new ScriptDriver(actionScript) : null,
        version: version(),
        scenario: scenario ? { name: opts.scenario!, title: scenario.title } : null,
      }, process.stdout);
      if (ndjsonCode > 1) return ndjsonCode;
      const failed = res.checks.filter((c) => !c.ok).length;
      process.stderr.write(`${NAME}: wrote ${opts.record} (seed ${opts.config.seed}): ${res.frames} frames, ${res.castSeconds.toFixed(1)} s, ${res.markers.length} markers, checks ${res.checks.length - failed} passed / ${failed} failed\n`);
      return failed > 0 || ndjsonCode === 1 ? 1 : 0;
    }
    const { runHeadless } = await import('./source/cli/headless.js');
    return runHeadless({
      config: opts.config,
      durationMs: opts.durationMs ?? scriptMs,
      snapshotEveryMs: opts.snapshotEveryMs,
      driver,
      nextAt: scriptDriver && !scenario ? () => scriptDriver.nextAt() : undefined,
      version: version(),
      scenario: scenario ? { name: opts.scenario!, title: scenario.title } : null,
    }, process.stdout);
  }

  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    return usage('the dashboard needs an interactive terminal (a TTY). Try: kube-ha-lab --headless --duration 60s');
  }
  if (actionScript) return usage('--script: timed actions run with --headless; the dashboard takes a keystroke script ({"at": "1s", "key": "c"})');
  if (compare) {
    delete process.env.CI;
    delete process.env.CONTINUOUS_INTEGRATION;
    const { withoutFetch } = await import('./source/ui/without-fetch.js');
    const { startCompareDashboard } = await withoutFetch(() => import('./source/cli/compare-dashboard.js'));
    return startCompareDashboard({ config: opts.config, sides: compare.sides, speed: opts.speed, noColor: opts.noColor, size: flags.size !== undefined ? opts.size : undefined });
  }
  // Ink draws nothing until exit when it thinks it runs in CI (a CI variable set); we have a real
  // terminal here, so that must not stop the dashboard. Ink reads it when first loaded: clear it now.
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
  const { withoutFetch } = await import('./source/ui/without-fetch.js');
  const ui = await withoutFetch(() => import('./source/cli/start-dashboard.js'));
  const { createState } = await import('./source/sim/create.js');
  const { createSession } = await import('./source/sim/session.js');
  // The lesson menu needs names and titles only; the scenario loader (YAML parser, schema) loads
  // when a lesson starts, so it costs nothing before the first frame.
  const { lessonCatalog } = await import('./source/scenario/catalog.js');
  let lessons: { name: string; title: string }[] | null = null;
  const startLesson = async (name: string) => {
    const scen = await import('./source/scenario/index.js');
    const r = scen.loadScenario(name);
    if (!r.ok) return null;
    const config = scen.scenarioConfig(r.scenario);
    return { title: r.scenario.title, driver: scen.scenarioDriver(r.scenario, { interactive: true }), session: createSession(createState(config), { speed: opts.speed }) };
  };
  return ui.startDashboard({
    config: opts.config,
    speed: opts.speed,
    lesson: scenario ? { title: scenario.title, driver: scenario.driver(true), config: scenario.config, startStep: opts.step ?? undefined } : null,
    keyScriptPath: keyScript ?? undefined,
    recordPath: opts.record ?? undefined,
    noColor: opts.noColor,
    showKeys: opts.showKeys,
    present: opts.present,
    size: flags.size !== undefined ? opts.size : undefined,
    lessons: () => (lessons ??= lessonCatalog()),
    startLesson,
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`${NAME}: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 70;
  },
);
