// asciicast v2 writer, file sink and parser.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { castTime, eventLine, headerLine, parseCast, type CastHeader } from '../../source/record/asciicast.js';
import { memoryCastSink, openCastSink } from '../../source/record/cast-sink.js';
import { checkRecordPath } from '../../source/record/record-path.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kha-cast-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const header: CastHeader = { version: 2, width: 120, height: 36, timestamp: 0, title: 't', env: { TERM: 'xterm-256color', SHELL: '/bin/sh' } };

describe('asciicast v2 lines', () => {
  it('writes the header with a fixed key order', () => {
    expect(headerLine(header)).toBe('{"version":2,"width":120,"height":36,"timestamp":0,"title":"t","env":{"TERM":"xterm-256color","SHELL":"/bin/sh"}}\n');
  });
  it('writes events with at most 6 decimals and escaped data', () => {
    expect(eventLine(1.23456789, 'o', 'a"\u001b[1m\n')).toBe('[1.234568, "o", "a\\"\\u001b[1m\\n"]\n');
    expect(eventLine(0.0000001, 'm', 'x')).toBe('[0, "m", "x"]\n');
    expect(eventLine(2, 'r', '80x24')).toBe('[2, "r", "80x24"]\n');
    expect(castTime(-1)).toBe(0);
    expect(castTime(Number.NaN)).toBe(0);
  });
  it('keeps time monotonic even when the clock goes back', () => {
    const s = memoryCastSink(header);
    s.output(1, 'a');
    s.output(0.5, 'b');
    s.marker(2, 'm');
    const p = parseCast(s.text());
    expect(p.problems).toEqual([]);
    expect(p.events.map((e) => e[0])).toEqual([1, 1, 2]);
  });
});

describe('parseCast', () => {
  it('accepts a valid cast and returns header and events', () => {
    const s = memoryCastSink(header);
    s.output(0, 'hello');
    s.marker(0.5, 'crash master-1');
    s.resize(1, 100, 30);
    const p = parseCast(s.text());
    expect(p.problems).toEqual([]);
    expect(p.header.width).toBe(120);
    expect(p.header.height).toBe(36);
    expect(p.events).toEqual([[0, 'o', 'hello'], [0.5, 'm', 'crash master-1'], [1, 'r', '100x30']]);
  });
  it('names the line of each problem', () => {
    const text = [
      '{"version":3,"width":0,"height":24}',
      '[1, "o", "a"]',
      '[0.5, "o", "b"]',
      '[1, "x", "c"]',
      'not json',
      '[1.12345678, "o", "d"]',
      '[2, "r", "big"]',
      '',
    ].join('\n');
    const p = parseCast(text);
    expect(p.problems).toEqual([
      'line 1: version is 3, expected 2',
      'line 1: width is 0, expected a positive integer',
      'line 3: time 0.5 goes back (previous 1)',
      'line 4: unknown event code "x"',
      'line 5: not valid JSON',
      'line 6: time 1.12345678 has more than 6 decimals',
      'line 7: resize data "big" is not COLSxROWS',
    ]);
  });
  it('reports a line cut off mid-write only when asked to tolerate it', () => {
    const text = '{"version":2,"width":80,"height":24}\n[0.1, "o", "ab"]\n[0.2, "o", "c';
    expect(parseCast(text).problems).toEqual(['line 3: not valid JSON']);
    const p = parseCast(text, { allowTruncatedTail: true });
    expect(p.problems).toEqual([]);
    expect(p.truncatedTail).toBe('[0.2, "o", "c');
    expect(p.events).toHaveLength(1);
  });
  it('an empty file has no header', () => {
    expect(parseCast('').problems).toEqual(['line 1: empty file, no header']);
  });
});

describe('file sink', () => {
  it('writes line by line, readable while still open', () => {
    const f = path.join(dir, 'live.cast');
    const s = openCastSink(f, header);
    s.output(0.1, 'one');
    // No close yet: what is on disk is already a valid cast (writeSync, no buffering).
    const p = parseCast(fs.readFileSync(f, 'utf8'));
    expect(p.problems).toEqual([]);
    expect(p.events).toEqual([[0.1, 'o', 'one']]);
    s.close();
    s.output(0.2, 'after close is ignored');
    expect(parseCast(fs.readFileSync(f, 'utf8')).events).toHaveLength(1);
    expect(s.error).toBeNull();
  });

  it('a path in a missing directory: one line through onError, no throw, the session goes on', () => {
    const errors: string[] = [];
    const f = path.join(dir, 'no-such-dir', 'x.cast');
    const s = openCastSink(f, header, { onError: (m) => errors.push(m) });
    expect(() => { s.output(0, 'frame'); s.marker(1, 'm'); s.close(); }).not.toThrow();
    expect(errors).toHaveLength(1);
    expect(errors[0]).not.toContain('\n');
    expect(errors[0]).toContain(f);
    expect(errors[0]).toMatch(/ENOENT/);
    expect(s.error).toBe(errors[0]);
    expect(s.events).toBe(0);
  });

  it('a directory as the path: EISDIR, one line', () => {
    const errors: string[] = [];
    const s = openCastSink(dir, header, { onError: (m) => errors.push(m) });
    s.output(0, 'x');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/EISDIR/);
  });

  it.runIf(fs.existsSync('/dev/full'))('a full disk (/dev/full): ENOSPC reported once, later writes are dropped', () => {
    const errors: string[] = [];
    const s = openCastSink('/dev/full', header, { onError: (m) => errors.push(m) });
    for (let i = 0; i < 5; i++) s.output(i, 'frame');
    s.close();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/no space left on device \(ENOSPC\)/);
    expect(errors[0]).toMatch(/the session goes on/);
  });

  it('an onError that throws does not throw into the caller', () => {
    const s = openCastSink(path.join(dir, 'nope', 'x.cast'), header, { onError: () => { throw new Error('boom'); } });
    expect(() => s.output(0, 'x')).not.toThrow();
  });
});

describe('checkRecordPath', () => {
  it('accepts a new file in an existing directory, and an existing writable file', () => {
    expect(checkRecordPath(path.join(dir, 'new.cast'))).toBeNull();
    expect(fs.existsSync(path.join(dir, 'new.cast'))).toBe(false); // creates nothing
    const f = path.join(dir, 'exists.cast');
    fs.writeFileSync(f, 'old');
    expect(checkRecordPath(f)).toBeNull();
    expect(fs.readFileSync(f, 'utf8')).toBe('old'); // truncates nothing
  });
  it('rejects a missing directory, a directory, a file as directory, an empty name: one line each', () => {
    const file = path.join(dir, 'plain');
    fs.writeFileSync(file, '');
    const cases = [path.join(dir, 'missing', 'a.cast'), dir, path.join(file, 'a.cast'), ''];
    for (const c of cases) {
      const msg = checkRecordPath(c);
      expect(msg, c).toBeTypeOf('string');
      expect(msg).not.toContain('\n');
      expect(msg).toMatch(/--record/);
    }
    expect(checkRecordPath(cases[0])).toMatch(/does not exist/);
    expect(checkRecordPath(cases[1])).toMatch(/is a directory/);
    expect(checkRecordPath(cases[2])).toMatch(/not a directory/);
  });
  // Errors the system gives whoever runs the check, root included (CI runs as root, which no
  // permission bit stops): a symbolic link loop and a name longer than the file system allows.
  it('rejects a symbolic link loop and a too long name with the system\'s reason: one line each', () => {
    const loop = path.join(dir, 'loop');
    fs.symlinkSync(loop, loop);
    const long = path.join(dir, `${'x'.repeat(300)}.cast`);
    for (const [c, code] of [[path.join(loop, 'a.cast'), 'ELOOP'], [loop, 'ELOOP'], [long, 'ENAMETOOLONG']] as const) {
      const msg = checkRecordPath(c);
      expect(msg, c).toBeTypeOf('string');
      expect(msg).not.toContain('\n');
      expect(msg).toMatch(new RegExp(`^--record .*: cannot (write|use) .*${code}`));
    }
  });
});
