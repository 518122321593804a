// Starts the dashboard in the real terminal: alternate screen, hidden cursor, signals that restore
// the terminal, optional recording (--record) and keystroke script (--script).
import { render } from 'ink';
import type { Config } from '../sim/types.js';
import { createState } from '../sim/create.js';
import { createSession } from '../sim/session.js';
import type { Driver } from '../sim/driver.js';
import { App, type AppProps } from '../ui/app.js';
import { startInteractiveRecording, type InteractiveRecording } from '../record/record-stdout.js';
import type { KeyScriptRun } from '../ui/input/key-script.js';
import type { ScriptedStdin } from '../ui/input/scripted-stdin.js';
import { installFastOutput } from '../ui/ink-patches/fast-output.js';
import { terminalSize } from '../ui/terminal-size.js';

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

const ALT_SCREEN_ON = '\u001b[?1049h';
const ALT_SCREEN_OFF = '\u001b[?1049l';
const CURSOR_HIDE = '\u001b[?25l';
const CURSOR_SHOW = '\u001b[?25h';

export async function startDashboard(opts: DashboardOptions): Promise<number> {
  await installFastOutput();
  const out = process.stdout;
  const term = terminalSize(out);
  if (opts.size && (term.cols < opts.size.cols || term.rows < opts.size.rows)) {
    process.stderr.write(`kube-ha-lab: --size ${opts.size.cols}x${opts.size.rows} does not fit this terminal (${term.cols}x${term.rows}); enlarge it or ask for less\n`);
    return 2;
  }
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
    const { loadKeyScript, runKeyScript } = await import('../ui/input/key-script.js');
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
  stdout.write(ALT_SCREEN_ON + CURSOR_HIDE);

  return new Promise<number>((resolve) => {
    let finished = false;
    const finish = (code: number) => {
      if (finished) return;
      finished = true;
      process.off('SIGTERM', onSignal);
      process.off('SIGHUP', onSignal);
      keys?.cancel();
      try {
        app.unmount();
      } catch {
        // already unmounted
      }
      stdout.write(CURSOR_SHOW + ALT_SCREEN_OFF);
      rec?.stop();
      scripted?.close();
      if (recordError) process.stderr.write(`kube-ha-lab: ${recordError}\n`);
      else if (opts.recordPath) process.stderr.write(`kube-ha-lab: recording saved to ${opts.recordPath}\n`);
      resolve(code);
    };
    // Ink's exit hook would re-raise the signal and kill the process before the promise settles:
    // clean up first (terminal writes are synchronous), then exit on our own terms.
    const onSignal = () => {
      finish(0);
      process.exit(0);
    };
    process.prependListener('SIGTERM', onSignal);
    process.prependListener('SIGHUP', onSignal);
    const app = render(
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
        onQuit={() => setImmediate(() => finish(0))}
      />,
      {
        stdout,
        stdin: (scripted ?? process.stdin) as NodeJS.ReadStream,
        exitOnCtrlC: false,
        patchConsole: true,
      },
    );
    app.waitUntilExit().then(() => finish(0), () => finish(1));
  });
}
