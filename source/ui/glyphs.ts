// Every state has a glyph AND a word; colour (tone) only reinforces them.
import type { Seg, Tone } from './lines.js';
import { seg } from './lines.js';

export interface Look {
  glyph: string;
  word: string;
  tone: Tone;
}

const LOOKS: Record<string, Look> = {
  running: { glyph: '●', word: 'running', tone: 'ok' },
  ready: { glyph: '●', word: 'ready', tone: 'ok' },
  notready: { glyph: '◐', word: 'not ready', tone: 'warn' },
  killed: { glyph: '✖', word: 'killed', tone: 'bad' },
  stopped: { glyph: '○', word: 'stopped', tone: 'off' },
  restarting: { glyph: '↻', word: 'restarting', tone: 'warn' },
  'node-down': { glyph: '✖', word: 'node down', tone: 'bad' },
  crashed: { glyph: '✖', word: 'crashed', tone: 'bad' },
  up: { glyph: '●', word: 'up', tone: 'ok' },
  absent: { glyph: '·', word: '—', tone: 'off' },
  leader: { glyph: '★', word: 'LEADER', tone: 'accent' },
  follower: { glyph: '●', word: 'follower', tone: 'ok' },
  candidate: { glyph: '◆', word: 'candidate', tone: 'warn' },
  precandidate: { glyph: '◇', word: 'pre-candidate', tone: 'warn' },
  down: { glyph: '✖', word: 'down', tone: 'bad' },
  UP: { glyph: '▲', word: 'UP', tone: 'ok' },
  DOWN: { glyph: '▼', word: 'DOWN', tone: 'bad' },
};

export function look(key: string): Look {
  return LOOKS[key] ?? { glyph: '?', word: key, tone: 'plain' };
}

export function badge(key: string, width = 0): Seg {
  const l = look(key);
  const text = `${l.glyph} ${l.word}`;
  return seg(width ? text.padEnd(width) : text, l.tone);
}
