// Keystroke scripts: timed keys that drive an interactive dashboard unattended (like a VHS tape,
// but built in), so an external recorder only has to film. YAML or JSON, a list of entries:
//
//   - { at: 1s, keys: j }            # at 1 s from the start, press "j"
//   - { after: 500ms, key: enter }   # 500 ms after the previous entry ended, press Enter
//   - { after: 2s, type: "crash" }   # type text, one character every `gap` (default 50 ms)
//   - { wait: 5s }                   # nothing for 5 s
//   - { key: down, repeat: 3 }       # right after the previous entry, Down three times
//   - { key: q }
//
// `at` is absolute (from the start of the script), `after` is relative to the end of the previous
// entry, no time means "right after the previous entry". `key` is one named key or one character;
// `keys` a string of characters or a list of keys; `type` text. Named keys: enter (return), esc
// (escape), up, down, left, right, tab, shift+tab, space, backspace, delete, home, end, pageup,
// pagedown, ctrl+a … ctrl+z (ctrl+c), alt+<char>. An entry may also carry `marker: label`
// (reported through onMarker, e.g. as an asciicast marker when recording).
//
// The same --script flag takes timed *sim actions* in headless mode (entries with `do:`);
// classifyScript() (script-kind.ts) tells the two apart. Key names are in key-names.ts; playing a
// parsed script is key-script-run.ts.
import { parseDuration } from '../../sim/duration.js';
import fs from 'node:fs';
import { isSeq, isMap, type Node } from 'yaml';
import { parseLocated } from '../../files/located-doc.js';
import { KEY_NAMES_TEXT, keySequence } from './key-names.js';

/** "1s", "500ms", "1.5s", "2m", or a number of milliseconds. Null when unreadable or negative. */
export function parseDurationMs(v: unknown): number | null {
  return parseDuration(v);
}

/** One keypress (or a marker) at a time from the start of the script. */
export interface ScheduledKey {
  atMs: number;
  /** Bytes to push into stdin; empty for a pure marker. */
  seq: string;
  /** What the script said, for logs: "enter", "j". */
  label: string;
  /** 1-based entry number and its line in the file. */
  entry: number;
  line: number;
  marker?: string;
}

export interface KeyScript {
  file: string;
  keys: ScheduledKey[];
  /** When the last entry ends (ms from the start). */
  durationMs: number;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

const ENTRY_FIELDS = new Set(['at', 'after', 'wait', 'key', 'keys', 'type', 'repeat', 'gap', 'marker', 'comment', 'note']);
const DEFAULT_GAP_MS = 50;

/**
 * Parses and validates a keystroke script. Errors are one line: `file:line: entry N: what is wrong`.
 */
export function parseKeyScript(text: string, file = '<script>'): ParseResult<KeyScript> {
  const located = parseLocated(text, file);
  if (!located.ok) return { ok: false, error: `${file}:${located.line}: ${located.problem}` };
  const { doc, lineOf } = located.doc;
  let root = doc.contents as unknown;
  if (isMap(root)) root = (root as { get(k: string, keep: true): unknown }).get('steps', true);
  if (!isSeq(root)) return { ok: false, error: `${file}:1: a keystroke script is a list of entries, e.g. [{"at":"1s","key":"enter"}]` };
  const items = root.items;
  const keys: ScheduledKey[] = [];
  let end = 0;
  for (let i = 0; i < items.length; i++) {
    const node = items[i] as { range?: [number, number, number] } & object;
    const line = lineOf(node as Node);
    const n = i + 1;
    const where = `${file}:${line}: entry ${n}`;
    const raw = (node as { toJSON?: () => unknown }).toJSON ? (node as { toJSON: () => unknown }).toJSON() : node;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, error: `${where}: an entry is an object like {"after":"1s","key":"enter"}` };
    const e = raw as Record<string, unknown>;
    if ('do' in e) return { ok: false, error: `${where}: "do" is a sim action (a headless --script); a keystroke script uses key, keys or type` };
    for (const k of Object.keys(e)) {
      if (!ENTRY_FIELDS.has(k)) return { ok: false, error: `${where}: unknown field "${k}" (fields: at, after, wait, key, keys, type, repeat, gap, marker)` };
    }
    const timing = ['at', 'after', 'wait'].filter((k) => k in e);
    if (timing.length > 1) return { ok: false, error: `${where}: use one of at, after, wait, not ${timing.join(' and ')}` };
    const presses = ['key', 'keys', 'type'].filter((k) => k in e);
    if (presses.length > 1) return { ok: false, error: `${where}: use one of key, keys, type, not ${presses.join(' and ')}` };
    if ('wait' in e && presses.length) return { ok: false, error: `${where}: "wait" only waits; put the key in the next entry with "after"` };
    if (!presses.length && !('wait' in e) && !('marker' in e)) return { ok: false, error: `${where}: nothing to do: give key, keys, type, wait or marker` };

    let start = end;
    for (const k of ['at', 'after', 'wait'] as const) {
      if (!(k in e)) continue;
      const ms = parseDurationMs(e[k]);
      if (ms === null) return { ok: false, error: `${where}: ${k} ${JSON.stringify(e[k])} is not a duration (e.g. 500ms, 1s, 1.5s, 2m)` };
      if (k === 'at') {
        if (ms < end) return { ok: false, error: `${where}: at ${fmt(ms)} is before the previous entry ends (${fmt(end)})` };
        start = ms;
      } else start = end + ms;
    }
    let gap = DEFAULT_GAP_MS;
    if ('gap' in e) {
      const g = parseDurationMs(e.gap);
      if (g === null) return { ok: false, error: `${where}: gap ${JSON.stringify(e.gap)} is not a duration` };
      gap = g;
    }
    let repeat = 1;
    if ('repeat' in e) {
      if (!Number.isInteger(e.repeat) || (e.repeat as number) < 1 || (e.repeat as number) > 1000) return { ok: false, error: `${where}: repeat must be a whole number from 1 to 1000` };
      repeat = e.repeat as number;
    }
    if ('marker' in e && (typeof e.marker !== 'string' || !e.marker)) return { ok: false, error: `${where}: marker must be a non-empty string` };

    // The keys of this entry, in order.
    const seqs: { seq: string; label: string }[] = [];
    if ('key' in e) {
      if (typeof e.key !== 'string' || !e.key) return { ok: false, error: `${where}: key must be a key name (${KEY_NAMES_TEXT})` };
      const seq = keySequence(e.key);
      if (seq === null) return { ok: false, error: `${where}: unknown key "${e.key}" (keys: ${KEY_NAMES_TEXT})` };
      seqs.push({ seq, label: e.key });
    } else if ('keys' in e) {
      if (typeof e.keys === 'string') {
        if (!e.keys) return { ok: false, error: `${where}: keys is empty` };
        for (const ch of e.keys) seqs.push({ seq: ch, label: ch });
      } else if (Array.isArray(e.keys) && e.keys.length) {
        for (const k of e.keys) {
          const seq = typeof k === 'string' && k ? keySequence(k) : null;
          if (seq === null) return { ok: false, error: `${where}: unknown key ${JSON.stringify(k)} in keys (keys: ${KEY_NAMES_TEXT})` };
          seqs.push({ seq, label: k as string });
        }
      } else return { ok: false, error: `${where}: keys must be a string of characters or a list of key names` };
    } else if ('type' in e) {
      if (typeof e.type !== 'string' || !e.type) return { ok: false, error: `${where}: type must be non-empty text` };
      for (const ch of e.type) seqs.push({ seq: ch === '\n' ? '\r' : ch, label: ch });
    }
    if ('repeat' in e && !seqs.length) return { ok: false, error: `${where}: repeat needs key, keys or type` };

    let t = start;
    if (typeof e.marker === 'string') keys.push({ atMs: start, seq: '', label: `marker ${e.marker}`, entry: n, line, marker: e.marker });
    let first = true;
    for (let r = 0; r < repeat; r++) {
      for (const s of seqs) {
        if (!first) t += gap;
        first = false;
        keys.push({ atMs: t, seq: s.seq, label: s.label, entry: n, line });
      }
    }
    end = t;
  }
  return { ok: true, value: { file, keys, durationMs: end } };
}

function fmt(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

/** Reads and parses a keystroke script file; a missing or unreadable file is a one-line error too. */
export function loadKeyScript(file: string): ParseResult<KeyScript> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : String((err as Error).message).split('\n')[0];
    return { ok: false, error: `--script ${file}: cannot read it: ${why}` };
  }
  return parseKeyScript(text, file);
}
