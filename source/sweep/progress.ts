// The progress line a sweep draws on stderr when it is a terminal: a bar, runs done, the rate and
// the time left, redrawn in place at most ten times a second and erased at the end.
import type { Writable } from 'node:stream';

const BAR = 24;

function clock(s: number): string {
  if (!Number.isFinite(s)) return '--:--';
  const t = Math.round(s);
  const h = Math.floor(t / 3600);
  const m = Math.floor((t % 3600) / 60);
  const sec = t % 60;
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}` : `${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}`;
}

/** "[███████░░░░░] 4,200/10,000 runs · 1,830 runs/s · ETA 00:03" */
export function progressLine(done: number, total: number, elapsedMs: number): string {
  const frac = total === 0 ? 1 : done / total;
  const full = Math.round(frac * BAR);
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const eta = rate > 0 ? (total - done) / rate : Infinity;
  const n = (x: number) => Math.round(x).toLocaleString('en-US');
  return `[${'█'.repeat(full)}${'░'.repeat(BAR - full)}] ${n(done)}/${n(total)} runs · ${n(rate)} runs/s · ETA ${done >= total ? '00:00' : clock(eta)}`;
}

export class Progress {
  private last = 0;
  private drawn = false;
  private readonly start: number;

  constructor(private readonly out: Writable, private readonly now: () => number = () => performance.now()) {
    this.start = now();
  }

  update(done: number, total: number): void {
    const t = this.now();
    if (done < total && t - this.last < 100) return;
    this.last = t;
    this.drawn = true;
    this.out.write(`\r${progressLine(done, total, t - this.start)}\x1b[K`);
  }

  /** Erases the line (the results follow on stdout). */
  clear(): void {
    if (this.drawn) this.out.write('\r\x1b[K');
    this.drawn = false;
  }
}
