// Rendering the dashboard in tests: a session, the App at a fixed size, and waiting for frames.
import { render } from 'ink-testing-library';
import { App, type AppProps } from '../../source/ui/app.js';
import { createSession, type Session } from '../../source/sim/session.js';
import { createState } from '../../source/sim/create.js';
import { defaultConfig } from '../../source/sim/config.js';
import { advance } from '../../source/sim/engine.js';

export const stripAnsi = (s: string) => s.replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, '');

/** A session whose cluster has booted (etcd leader and both leases), paused for deterministic tests. */
export function bootedSession(seed = 3, paused = true, overrides: Parameters<typeof defaultConfig>[0] = {}): Session {
  const s = advance(createState(defaultConfig({ seed, ...overrides })), 50);
  return createSession(s, { paused });
}

export function renderApp(props: Partial<AppProps> & { session: Session }) {
  const r = render(<App autoTick={false} cols={120} rows={40} noColor {...props} />);
  const frame = () => stripAnsi(r.lastFrame() ?? '');
  return { ...r, frame };
}

export async function waitFor(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Types keys; a lone Esc needs a pause after it, or the next key reads as Alt+key. */
export const press = async (stdin: { write(s: string): void }, keys: string) => {
  stdin.write(keys);
  await new Promise((r) => setTimeout(r, keys === '\u001b' ? 80 : 20));
};

export const KEY = { up: '\u001b[A', down: '\u001b[B', enter: '\r', esc: '\u001b', tab: '\t' };
