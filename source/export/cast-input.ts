// Reads the cast to export: asciicast v2 (what --record writes), checked before anything is drawn.
// Every problem is one line for the CLI (exit 2): not JSON, not a cast, a v3 cast, a broken event.
import fs from 'node:fs';
import { parseCast, type CastHeader } from '../record/asciicast.js';
import { describeFsError } from '../files/fs-errors.js';

export interface CastInput {
  header: CastHeader & Record<string, unknown>;
  cols: number;
  rows: number;
  /** Terminal output, in order: [seconds, data]. */
  output: [number, string][];
  /** Terminal size changes, in order: [seconds, cols, rows]. */
  resizes: [number, number, number][];
  /** Markers, in order: [seconds, label]. */
  markers: [number, string][];
  /** Time of the last event, seconds. */
  end: number;
}

export type CastResult = { ok: true; cast: CastInput } | { ok: false; error: string };

/** Parses cast text; `name` is the file name used in messages. */
export function readCastText(text: string, name: string): CastResult {
  const first = text.slice(0, text.indexOf('\n') >= 0 ? text.indexOf('\n') : text.length);
  let head: unknown;
  try {
    head = JSON.parse(first);
  } catch {
    return { ok: false, error: `${name} is not an asciicast file (its first line is not a JSON header)` };
  }
  if (!head || typeof head !== 'object' || Array.isArray(head) || !('version' in head)) {
    return { ok: false, error: `${name} is not an asciicast file (the header has no "version")` };
  }
  const version = (head as { version: unknown }).version;
  if (version === 3) return { ok: false, error: `${name} is asciicast v3, which export does not read yet; convert it with: asciinema convert -f asciicast-v2 ${name} out.cast` };
  if (version !== 2) return { ok: false, error: `${name}: asciicast version ${JSON.stringify(version)} is not supported (export reads v2)` };
  // A recording killed mid-write may end in half a line: everything before it is still good.
  const parsed = parseCast(text, { allowTruncatedTail: true });
  if (parsed.problems.length) return { ok: false, error: `${name}: ${parsed.problems[0]}` };
  const output: [number, string][] = [];
  const markers: [number, string][] = [];
  const resizes: [number, number, number][] = [];
  let end = 0;
  for (const [t, code, data] of parsed.events) {
    end = Math.max(end, t);
    if (code === 'o') output.push([t, data]);
    else if (code === 'm') markers.push([t, data]);
    else if (code === 'r') {
      const [c, r] = data.split('x').map(Number);
      if (c > 0 && r > 0) resizes.push([t, c, r]);
    }
  }
  if (!output.length) return { ok: false, error: `${name} has no terminal output to draw` };
  return { ok: true, cast: { header: parsed.header, cols: parsed.header.width, rows: parsed.header.height, output, resizes, markers, end } };
}

/** Reads and parses a cast file; a missing or unreadable file is one line too. */
export function readCastFile(file: string): CastResult {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    return { ok: false, error: describeFsError(file, err, 'read') };
  }
  return readCastText(text, file);
}
