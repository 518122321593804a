// asciicast v2 (https://docs.asciinema.org/manual/asciicast/v2): one JSON header line, then one
// JSON array per event: [time, code, data], time in seconds since the start (absolute, 6 decimals
// at most, never decreasing). Codes written here: "o" output, "m" marker, "r" resize "COLSxROWS".
// The format both ways: the lines written (cast-sink.ts writes them to a file or memory) and the
// parser that reads a cast back and checks it.

export interface CastHeader {
  version: 2;
  width: number;
  height: number;
  /** Unix time (seconds) of the start; 0 in headless renders so they are byte-reproducible. */
  timestamp?: number;
  duration?: number;
  idle_time_limit?: number;
  command?: string;
  title?: string;
  env?: { TERM?: string; SHELL?: string };
}

export type CastEventCode = 'o' | 'i' | 'm' | 'r';
export type CastEvent = [number, CastEventCode, string];

/** Seconds, rounded to 6 decimals (microseconds), never negative. */
export function castTime(seconds: number): number {
  if (!Number.isFinite(seconds) || seconds <= 0) return 0;
  return Math.round(seconds * 1e6) / 1e6;
}

/** Formats a time so JSON never shows an exponent (1e-7 cannot occur after rounding, 1e21 can't either). */
function timeText(t: number): string {
  const s = String(t);
  return s.includes('e') ? t.toFixed(6).replace(/0+$/, '').replace(/\.$/, '') : s;
}

export function headerLine(h: CastHeader): string {
  // A fixed key order, so the same header gives the same bytes.
  const o: Record<string, unknown> = { version: 2, width: h.width, height: h.height };
  if (h.timestamp !== undefined) o.timestamp = h.timestamp;
  if (h.duration !== undefined) o.duration = castTime(h.duration);
  if (h.idle_time_limit !== undefined) o.idle_time_limit = h.idle_time_limit;
  if (h.command !== undefined) o.command = h.command;
  if (h.title !== undefined) o.title = h.title;
  if (h.env !== undefined) {
    const env: Record<string, string> = {};
    if (h.env.TERM !== undefined) env.TERM = h.env.TERM;
    if (h.env.SHELL !== undefined) env.SHELL = h.env.SHELL;
    o.env = env;
  }
  return JSON.stringify(o) + '\n';
}

export function eventLine(t: number, code: CastEventCode, data: string): string {
  return `[${timeText(castTime(t))}, ${JSON.stringify(code)}, ${JSON.stringify(data)}]\n`;
}

// Parsing and validation (tests, the exporters, and a sanity check of what we wrote)

export interface ParsedCast {
  header: CastHeader & Record<string, unknown>;
  events: CastEvent[];
  /** Problems found, one line each with its line number; empty when the cast is valid. */
  problems: string[];
  /** A trailing line that is not complete JSON (what a kill mid-write leaves), if any. */
  truncatedTail: string | null;
}

export interface ParseOptions {
  /** Accept a last line that was cut off mid-write (a killed recording) and report it in truncatedTail. */
  allowTruncatedTail?: boolean;
}

/**
 * Parses and validates asciicast v2 text: a header with version 2 and positive integer width and
 * height, then events [time, code, data] with a finite time >= 0 that never decreases, a known
 * code and string data ("r" data must be COLSxROWS). Never throws: see `problems`.
 */
export function parseCast(text: string, opts: ParseOptions = {}): ParsedCast {
  const problems: string[] = [];
  const events: CastEvent[] = [];
  let truncatedTail: string | null = null;
  const lines = text.split('\n');
  // The file normally ends with "\n", leaving an empty last element.
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  else if (lines.length > 1 && opts.allowTruncatedTail) {
    // The last line has no newline: complete JSON is still fine; anything else is a cut-off write.
    const last = lines[lines.length - 1];
    try {
      JSON.parse(last);
    } catch {
      truncatedTail = last;
      lines.pop();
    }
  }
  let header = { version: 2, width: 0, height: 0 } as ParsedCast['header'];
  if (!lines.length) return { header, events, problems: ['line 1: empty file, no header'], truncatedTail };
  try {
    const h = JSON.parse(lines[0]) as unknown;
    if (!h || typeof h !== 'object' || Array.isArray(h)) problems.push('line 1: the header is not a JSON object');
    else {
      header = h as ParsedCast['header'];
      if (header.version !== 2) problems.push(`line 1: version is ${JSON.stringify(header.version)}, expected 2`);
      for (const k of ['width', 'height'] as const) {
        const v = header[k];
        if (!Number.isInteger(v) || v <= 0) problems.push(`line 1: ${k} is ${JSON.stringify(v)}, expected a positive integer`);
      }
      if (header.timestamp !== undefined && !Number.isInteger(header.timestamp)) problems.push('line 1: timestamp is not an integer');
    }
  } catch {
    problems.push('line 1: the header is not valid JSON');
  }
  let prev = 0;
  for (let i = 1; i < lines.length; i++) {
    const n = i + 1;
    let ev: unknown;
    try {
      ev = JSON.parse(lines[i]);
    } catch {
      problems.push(`line ${n}: not valid JSON`);
      continue;
    }
    if (!Array.isArray(ev) || ev.length !== 3) {
      problems.push(`line ${n}: an event must be [time, code, data]`);
      continue;
    }
    const [t, code, data] = ev as [unknown, unknown, unknown];
    if (typeof t !== 'number' || !Number.isFinite(t) || t < 0) {
      problems.push(`line ${n}: time ${JSON.stringify(t)} is not a number >= 0`);
      continue;
    }
    if (t < prev) problems.push(`line ${n}: time ${t} goes back (previous ${prev})`);
    const decimals = String(t).split('.')[1];
    if (decimals && decimals.length > 6) problems.push(`line ${n}: time ${t} has more than 6 decimals`);
    if (code !== 'o' && code !== 'i' && code !== 'm' && code !== 'r') {
      problems.push(`line ${n}: unknown event code ${JSON.stringify(code)}`);
      continue;
    }
    if (typeof data !== 'string') {
      problems.push(`line ${n}: event data is not a string`);
      continue;
    }
    if (code === 'r' && !/^\d+x\d+$/.test(data)) problems.push(`line ${n}: resize data ${JSON.stringify(data)} is not COLSxROWS`);
    prev = Math.max(prev, t);
    events.push([t, code, data]);
  }
  return { header, events, problems, truncatedTail };
}
