// Starts the dashboard in the real terminal (full-screen.tsx: alternate screen, hidden cursor,
// signals that restore the terminal), with optional recording (--record) and keystroke script (--script).
import type { Config } from '../sim/types.js';
import { createState } from '../sim/create.js';
import { createSession } from '../sim/session.js';
import type { Driver } from '../sim/driver.js';
import { App, type AppProps } from '../ui/app.js';
import { startInteractiveRecording, type InteractiveRecording } from '../record/record-stdout.js';
import type { KeyScriptRun } from '../ui/input/key-script-run.js';
import type { ScriptedStdin } from '../ui/input/scripted-stdin.js';
import { readyFullScreen, runFullScreen } from './full-screen.js';

export interface DashboardOptions {
  config: Config;
  speed: number;
  /** A lesson to run from the start: its driver and title. */
  lesson?: { title: string; driver: Driver; config: Config; startStep?: number } | null;
  keyScriptPath?: string;
  recordPath?: string;
  noColor: boolean;
  /** The keystroke overlay in the footer (on by default when recording). */
  showKeys?: boolean;
  /** Presenter mode from the start (--present). */
  present?: boolean;
  /** A fixed frame size (--size): demos recorded at one size whatever the terminal. */
  size?: { cols: number; rows: number };
  lessons?: AppProps['lessons'];
  startLesson?: AppProps['startLesson'];
}

export async function startDashboard(opts: DashboardOptions): Promise<number> {
  const out = process.stdout;
  if (!(await readyFullScreen(opts.size, out))) return 2;
  let rec: InteractiveRecording | null = null;
  let recordError: string | null = null;
  if (opts.recordPath) {
    rec = startInteractiveRecording(opts.recordPath, {
      title: 'kube-ha-lab',
      size: opts.size,
      onError: (m) => {
        recordError = m;
      },
    });
  }
  let keys: KeyScriptRun | null = null;
  let scripted: ScriptedStdin | null = null;
  if (opts.keyScriptPath) {
    // Loaded only for a keystroke script (its parser reads YAML).
    const { loadKeyScript } = await import('../ui/input/key-script.js');
    const { runKeyScript } = await import('../ui/input/key-script-run.js');
    const { createScriptedStdin } = await import('../ui/input/scripted-stdin.js');
    const loaded = loadKeyScript(opts.keyScriptPath);
    if (!loaded.ok) {
      rec?.stop();
      process.stderr.write(`kube-ha-lab: ${loaded.error}\n`);
      return 2;
    }
    scripted = createScriptedStdin(process.stdin);
    const stdin = scripted;
    keys = runKeyScript(loaded.value, (k) => stdin.pushKeys(k), undefined, { onMarker: (m) => rec?.marker(m) });
  }
  const config = opts.lesson ? opts.lesson.config : opts.config;
  // A lesson given a --step starts there in the App (the same path as its chapter list, key g).
  const session = createSession(createState(config), { speed: opts.speed });
  const stdout = (rec?.stdout ?? out) as NodeJS.WriteStream;
  return runFullScreen({
    stdout,
    stdin: (scripted ?? process.stdin) as NodeJS.ReadStream,
    beforeUnmount: () => keys?.cancel(),
    afterRestore: () => {
      rec?.stop();
      scripted?.close();
      if (recordError) process.stderr.write(`kube-ha-lab: ${recordError}\n`);
      else if (opts.recordPath) process.stderr.write(`kube-ha-lab: recording saved to ${opts.recordPath}\n`);
    },
    app: (quit) => (
      <App
        session={session}
        noColor={opts.noColor}
        showKeys={opts.showKeys}
        cols={opts.size?.cols}
        rows={opts.size?.rows}
        lessons={opts.lessons}
        startLesson={opts.startLesson}
        driver={opts.lesson?.driver ?? null}
        driverTitle={opts.lesson?.title}
        startStep={opts.lesson?.startStep}
        present={opts.present}
        onQuit={quit}
      />
    ),
  });
}
