// Startup: time to the first dashboard frame of the built CLI in a pseudo-terminal (util-linux
// `script`), against a bare `node -e ''`; also --version. Medians of 7 runs. Prints BENCH lines.
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
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error('no frame within 20 s')); }, 20_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('etcd quorum')) {
        const ms = performance.now() - t0;
        clearTimeout(timer);
        child.kill('SIGTERM');
        resolve(ms);
      }
    });
  });
}

const bare: number[] = [];
const version: number[] = [];
const frame: number[] = [];
timeSync(['-e', '']);
for (let i = 0; i < 7; i++) {
  bare.push(timeSync(['-e', '']));
  version.push(timeSync([cli, '--version']));
  frame.push(await firstFrame());
}
const b = median(bare);
console.log(`BENCH startup-node-bare ${b.toFixed(0)} ms`);
console.log(`BENCH startup-version ${median(version).toFixed(0)} ms (${(median(version) / b).toFixed(1)}x bare node)`);
console.log(`BENCH startup-first-frame ${median(frame).toFixed(0)} ms (target < 3x bare node: ${(median(frame) / b).toFixed(1)}x)`);
process.exit(0);
