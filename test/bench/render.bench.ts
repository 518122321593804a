// Dashboard rendering, measured on the dashboard as it ships: render-frames.ts bundled by the
// CLI's own build (Ink with the dashboard's compositor, text measures and line-diff writer). For
// comparison the same measurement runs unbundled on Ink's own modules ("-ink-own"). Last, the
// built CLI itself in a real terminal (tmux), its CPU read from /proc: while the JIT warms up and
// after. Prints BENCH lines.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const script = path.join(here, 'render-frames.ts');
const work = mkdtempSync(path.join(tmpdir(), 'kha-render-bench-'));

function run(args: string[], env: Record<string, string> = {}): void {
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production', ...env } });
  process.stdout.write(r.stdout.split('\n').filter((l) => l.startsWith('BENCH ')).join('\n') + '\n');
  if (r.status !== 0) throw new Error(`render bench failed: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
}

/** CPU time (user + system, in clock ticks of 1/100 s) a process, or one of its threads, has used so far. */
function cpuTicks(pid: string, thread?: string): number {
  const fields = readFileSync(thread ? `/proc/${pid}/task/${thread}/stat` : `/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The built CLI in a real terminal (tmux, 160x49 so the frame is 160x48) at speed 1: its CPU share
 * over two windows of 20 s. The first (4-24 s after start) includes the JIT warming up: at 10
 * frames per second the optimizing compiler keeps compiling newly hot functions on its own threads
 * for about a minute. The second (64-84 s) is the dashboard as it runs from then on.
 */
async function cpuInTmux(): Promise<void> {
  if (spawnSync('tmux', ['-V']).status !== 0) {
    console.log('(tmux not installed: the real-terminal CPU figure is skipped)');
    return;
  }
  const session = `kha-bench-${process.pid}`;
  const tmux = (...args: string[]) => execFileSync('tmux', args, { encoding: 'utf8' }).trim();
  tmux('new-session', '-d', '-s', session, '-x', '160', '-y', '49', '-c', root, `exec ${process.execPath} dist/cli.js --seed 1`);
  try {
    await sleep(4000);
    const pid = tmux('display', '-p', '-t', session, '#{pane_pid}');
    const window = async (name: string, note: string) => {
      const t0 = cpuTicks(pid);
      const m0 = cpuTicks(pid, pid);
      await sleep(20_000);
      const share = (cpuTicks(pid) - t0) / 100 / 20 * 100;
      const main = (cpuTicks(pid, pid) - m0) / 100 / 20 * 100;
      console.log(`BENCH ${name} ${share.toFixed(1)} % of one core, ${note}, main thread ${main.toFixed(1)} % (target < 6)`);
    };
    await window('cpu-speed1-10fps-real-terminal', '4-24 s after start (JIT warming up)');
    await sleep(40_000);
    await window('cpu-speed1-10fps-real-terminal-steady', '64-84 s after start');
  } finally {
    spawnSync('tmux', ['kill-session', '-t', session]);
  }
}

try {
  const { bundle } = (await import(path.join(root, 'build.mjs'))) as { bundle: (entry: string, out: string) => Promise<unknown> };
  const out = path.join(work, 'render-frames.js');
  await bundle(script, out);
  run([out]);
  run([path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), script], { BENCH_SUFFIX: '-ink-own' });
  await cpuInTmux();
} finally {
  rmSync(work, { recursive: true, force: true });
}
