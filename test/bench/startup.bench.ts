// Startup: time to the first dashboard frame of the built (bundled) CLI in a pseudo-terminal
// (util-linux `script`), against a bare `node -e ''` run plainly and in the same pseudo-terminal
// harness; also --version. Runs take turns, one at a time; medians of 9. Prints BENCH lines.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = path.join(root, 'dist', 'cli.js');
const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function timeSync(args: string[]): number {
  const t0 = performance.now();
  spawnSync(process.execPath, args, { stdio: 'ignore' });
  return performance.now() - t0;
}

function firstFrame(): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', COLUMNS: '120', LINES: '36' };
    delete env.CI;
    const child = spawn('script', ['-q', '-e', '-c', `stty cols 120 rows 36; ${process.execPath} ${cli} --seed 1`, '/dev/null'], { env, stdio: ['pipe', 'pipe', 'ignore'] });
    let out = '';
    let seen = false;
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error('no frame within 20 s')); }, 20_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      // The first frame: the masters pane's title is drawn (the clock and verdict lines come before it).
      if (out.includes('Masters') && !seen) {
        seen = true;
        const ms = performance.now() - t0;
        clearTimeout(timer);
        // The next run starts once this one has exited, so its teardown does not share the CPU.
        child.on('close', () => resolve(ms));
        child.kill('SIGTERM');
      }
    });
  });
}

/** A bare node in the same harness: from spawning `script` to its exit. */
function barePty(): Promise<number> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn('script', ['-q', '-e', '-c', `stty cols 120 rows 36; ${process.execPath} -e ''`, '/dev/null'], { stdio: ['pipe', 'ignore', 'ignore'] });
    child.on('close', () => resolve(performance.now() - t0));
  });
}

const bare: number[] = [];
const barePtys: number[] = [];
const version: number[] = [];
const frame: number[] = [];
timeSync(['-e', '']);
for (let i = 0; i < 9; i++) {
  bare.push(timeSync(['-e', '']));
  barePtys.push(await barePty());
  version.push(timeSync([cli, '--version']));
  frame.push(await firstFrame());
}
const b = median(bare);
const bp = median(barePtys);
const f = median(frame);
console.log(`BENCH startup-node-bare ${b.toFixed(0)} ms`);
console.log(`BENCH startup-node-bare-in-pty ${bp.toFixed(0)} ms`);
console.log(`BENCH startup-version ${median(version).toFixed(0)} ms (${(median(version) / b).toFixed(1)}x bare node)`);
// The target compares like with like: the CLI and bare node both started through the same pty.
console.log(`BENCH startup-first-frame ${f.toFixed(0)} ms (target < 3x bare node in the same pty: ${(f / bp).toFixed(1)}x; ${(f / b).toFixed(1)}x bare node run plainly)`);
console.log(`BENCH startup-first-frame-vs-bare-pty ${(f / bp).toFixed(2)} x (target < 3)`);
process.exit(0);
