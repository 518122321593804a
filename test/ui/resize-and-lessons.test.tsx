// The dashboard follows a live terminal resize, and the `l` menu lists lessons and starts one.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { render } from 'ink';
import { App } from '../../source/ui/app.js';
import { createSession } from '../../source/sim/session.js';
import { createState } from '../../source/sim/create.js';
import { listScenarios, loadScenario, scenarioConfig, scenarioDriver } from '../../source/scenario/index.js';
import { bootedSession, renderApp, stripAnsi, waitFor, press } from './helpers.js';

/** A terminal whose size can change, as a real one does when its window is resized. */
class ResizableStdout extends EventEmitter {
  readonly isTTY = true;
  frame = '';
  constructor(public columns: number, public rows: number) {
    super();
  }
  write(chunk: string): boolean {
    this.frame = chunk;
    return true;
  }
  resize(columns: number, rows: number): void {
    this.columns = columns;
    this.rows = rows;
    this.emit('resize');
  }
}

class QuietStdin extends EventEmitter {
  readonly isTTY = false;
  setEncoding(): this { return this; }
  setRawMode(): this { return this; }
  read(): null { return null; }
  ref(): this { return this; }
  unref(): this { return this; }
}

describe('live terminal resize', () => {
  it('redraws for the new size: two columns at 120x40, one pane with Tab at 80x24', async () => {
    const stdout = new ResizableStdout(120, 40);
    const ink = render(<App session={bootedSession()} autoTick={false} noColor />, {
      stdout: stdout as unknown as NodeJS.WriteStream,
      stdin: new QuietStdin() as unknown as NodeJS.ReadStream,
      debug: true,
      exitOnCtrlC: false,
      patchConsole: false,
    });
    const frame = () => stripAnsi(stdout.frame);
    const widest = () => Math.max(...frame().split('\n').map((l) => [...l].length));
    try {
      await waitFor(() => frame().includes('Masters'), 'the first frame');
      expect(frame()).not.toContain('Tab: next pane');
      expect(frame().split('\n').some((l) => l.includes('Masters') && l.includes('Leases'))).toBe(true);
      stdout.resize(80, 24);
      await waitFor(() => frame().includes('Tab: next pane'), 'the compact layout');
      expect(widest()).toBeLessThanOrEqual(80);
      expect(frame().split('\n').length).toBeLessThanOrEqual(23);
      stdout.resize(50, 12);
      await waitFor(() => frame().includes('Terminal too small (50×12)'), 'the too-small notice');
    } finally {
      ink.unmount();
    }
  });
});

describe('the l lesson menu', () => {
  it('lists the lessons; choosing one starts it with its title and narration line', async () => {
    const lessons = listScenarios().map((l) => ({ name: l.name, title: l.title }));
    const startLesson = (name: string) => {
      const r = loadScenario(name);
      if (!r.ok) return null;
      return { title: r.scenario.title, session: createSession(createState(scenarioConfig(r.scenario))), driver: scenarioDriver(r.scenario, { interactive: true }) };
    };
    const r = renderApp({ session: bootedSession(), rows: 45, lessons, startLesson });
    await press(r.stdin, 'l');
    await waitFor(() => r.frame().includes('Lessons'), 'the lesson menu');
    for (const l of lessons.slice(0, 5)) expect(r.frame()).toContain(l.name);
    const third = lessons[2];
    await press(r.stdin, '3');
    await waitFor(() => r.frame().includes(`Lesson: ${third.title}`), 'the chosen lesson');
    // Not yet due: the status line counts down to the first step.
    expect(r.frame()).toMatch(/next step in \d+\.\d s/);
    // A new run: the clock starts again from zero.
    expect(r.frame()).toMatch(/t 00:00\.0/);
    r.unmount();
  });

  it('says so when the build has no lessons', async () => {
    const r = renderApp({ session: bootedSession(), lessons: [] });
    await press(r.stdin, 'l');
    await waitFor(() => r.frame().includes('Lessons (none in this build)'), 'the empty menu');
    r.unmount();
  });
});
