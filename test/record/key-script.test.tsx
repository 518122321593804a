// Keystroke scripts: parsing, one-line errors with file and line, timing, and driving Ink.
import { useState } from 'react';
import { Text, render, useInput } from 'ink';
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { parseDurationMs, parseKeyScript, type KeyScript } from '../../source/ui/input/key-script.js';
import { runKeyScript, type Timers } from '../../source/ui/input/key-script-run.js';
import { classifyScriptText } from '../../source/ui/input/script-kind.js';
import { keySequence } from '../../source/ui/input/key-names.js';
import { createScriptedStdin } from '../../source/ui/input/scripted-stdin.js';

function ok(text: string, file = 'demo.keys'): KeyScript {
  const r = parseKeyScript(text, file);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}
function err(text: string, file = 'demo.keys'): string {
  const r = parseKeyScript(text, file);
  if (r.ok) throw new Error('expected an error');
  return r.error;
}

describe('keys and durations', () => {
  it('maps named keys to the bytes a terminal sends', () => {
    expect(keySequence('enter')).toBe('\r');
    expect(keySequence('Esc')).toBe('\u001b');
    expect(keySequence('up')).toBe('\u001b[A');
    expect(keySequence('down')).toBe('\u001b[B');
    expect(keySequence('right')).toBe('\u001b[C');
    expect(keySequence('left')).toBe('\u001b[D');
    expect(keySequence('tab')).toBe('\t');
    expect(keySequence('space')).toBe(' ');
    expect(keySequence('ctrl+c')).toBe('\u0003');
    expect(keySequence('Ctrl+A')).toBe('\u0001');
    expect(keySequence('alt+x')).toBe('\u001bx');
    expect(keySequence('Q')).toBe('Q');
    expect(keySequence('?')).toBe('?');
    expect(keySequence('entr')).toBeNull();
  });
  it('reads ms, s, m and plain numbers', () => {
    expect(parseDurationMs('500ms')).toBe(500);
    expect(parseDurationMs('1.5s')).toBe(1500);
    expect(parseDurationMs('2m')).toBe(120_000);
    expect(parseDurationMs(250)).toBe(250);
    expect(parseDurationMs('soon')).toBeNull();
    expect(parseDurationMs(-1)).toBeNull();
  });
});

describe('parseKeyScript', () => {
  it('schedules the example from the issue (JSON)', () => {
    const s = ok('[{"at":"1s","keys":"j"}, {"after":"500ms","key":"enter"}, {"after":"2s","type":"c"}, {"wait":"5s"}, {"key":"q"}]');
    expect(s.keys.map((k) => [k.atMs, k.seq, k.entry])).toEqual([
      [1000, 'j', 1], [1500, '\r', 2], [3500, 'c', 3], [8500, 'q', 5],
    ]);
    expect(s.durationMs).toBe(8500);
  });
  it('reads YAML, with repeats, typing gaps, key lists and markers', () => {
    const s = ok([
      '- at: 2s',
      '  key: down',
      '  repeat: 2',
      '  gap: 100ms',
      '- after: 1s',
      '  type: "ab"',
      '- keys: [esc, "?"]',
      '  marker: help',
    ].join('\n'));
    expect(s.keys.map((k) => [k.atMs, k.seq])).toEqual([
      [2000, '\u001b[B'], [2100, '\u001b[B'], [3100, 'a'], [3150, 'b'], [3150, ''], [3150, '\u001b'], [3200, '?'],
    ]);
    expect(s.keys.find((k) => k.marker)?.marker).toBe('help');
  });
  it('rejects bad entries with the file, line and entry', () => {
    expect(err('[{"at":"1s","key":"enter"},\n {"after":"1s","key":"entr"}]')).toBe(
      'demo.keys:2: entry 2: unknown key "entr" (keys: enter, esc, up, down, left, right, tab, shift+tab, space, backspace, delete, home, end, pageup, pagedown, ctrl+<letter>, alt+<char>, or one character)',
    );
    expect(err('- at: soon\n  key: q')).toBe('demo.keys:1: entry 1: at "soon" is not a duration (e.g. 500ms, 1s, 1.5s, 2m)');
    expect(err('- at: 5s\n  key: q\n- at: 1s\n  key: j')).toBe('demo.keys:3: entry 2: at 1s is before the previous entry ends (5s)');
    expect(err('- at: 1s\n  do: crash\n  target: master-1')).toMatch(/^demo\.keys:1: entry 1: "do" is a sim action/);
    expect(err('- at: 1s\n  key: q\n  keys: j')).toBe('demo.keys:1: entry 1: use one of key, keys, type, not key and keys');
    expect(err('- at: 1s\n  after: 1s\n  key: q')).toBe('demo.keys:1: entry 1: use one of at, after, wait, not at and after');
    expect(err('- at: 1s\n  press: q')).toMatch(/^demo\.keys:1: entry 1: unknown field "press"/);
    expect(err('- at: 1s')).toMatch(/nothing to do/);
    expect(err('{"key":"q"}')).toMatch(/^demo\.keys:1: a keystroke script is a list/);
    expect(err('[{"key": "q"')).toMatch(/^demo\.keys:1: not valid YAML or JSON/);
    for (const e of [err('- key: [1]'), err('- key: q\n  repeat: 0')]) expect(e).not.toContain('\n');
  });
  it('tells keystroke scripts from sim-action scripts', () => {
    expect(classifyScriptText('[{"at":"1s","key":"q"}]')).toBe('keys');
    expect(classifyScriptText('[{"at":"5s","do":"crash","target":"master-1"}]')).toBe('actions');
    expect(classifyScriptText('[{"do":"crash"},{"key":"q"}]')).toBe('mixed');
    expect(classifyScriptText('[')).toBe('unknown');
  });
});

/** Timers driven by hand: now() moves only when the test says so. */
function manualTimers() {
  let now = 0;
  const queue: { at: number; fn: () => void; id: number }[] = [];
  let ids = 0;
  const timers: Timers = {
    now: () => now,
    setTimeout: (fn, ms) => { const id = ++ids; queue.push({ at: now + ms, fn, id }); return id; },
    clearTimeout: (h) => { const i = queue.findIndex((q) => q.id === h); if (i >= 0) queue.splice(i, 1); },
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      queue.sort((a, b) => a.at - b.at || a.id - b.id);
      const next = queue[0];
      if (!next || next.at > end) break;
      queue.shift();
      now = next.at;
      next.fn();
    }
    now = end;
  };
  return { timers, advance };
}

describe('runKeyScript', () => {
  it('writes each key at its time from the start', async () => {
    const s = ok('[{"at":"1s","keys":"j"}, {"after":"500ms","key":"enter"}, {"wait":"1s"}, {"key":"esc"}, {"key":"q"}]');
    const { timers, advance } = manualTimers();
    const got: [number, string][] = [];
    const run = runKeyScript(s, (seq) => got.push([timers.now(), seq]), timers);
    advance(999);
    expect(got).toEqual([]);
    advance(1);
    expect(got).toEqual([[1000, 'j']]);
    advance(2000);
    // Esc and q are due at the same time; q still waits 10 ms so Esc is not read as Alt+q.
    expect(got).toEqual([[1000, 'j'], [1500, '\r'], [2500, '\u001b'], [2510, 'q']]);
    await run.done;
  });
  it('cancel stops it', async () => {
    const s = ok('[{"at":"1s","key":"q"}]');
    const { timers, advance } = manualTimers();
    const got: string[] = [];
    const run = runKeyScript(s, (seq) => got.push(seq), timers);
    run.cancel();
    advance(5000);
    await run.done;
    expect(got).toEqual([]);
  });
  it('reports markers', () => {
    const s = ok('[{"at":"1s","marker":"start"}]');
    const { timers, advance } = manualTimers();
    const marks: string[] = [];
    runKeyScript(s, () => {}, timers, { onMarker: (m) => marks.push(m) });
    advance(1000);
    expect(marks).toEqual(['start']);
  });
});

describe('scripted stdin drives a real Ink app', () => {
  it('keys pushed by the script reach useInput (no terminal needed)', async () => {
    const seen: string[] = [];
    function App() {
      const [n, setN] = useState(0);
      useInput((input, key) => {
        seen.push(key.return ? 'enter' : key.downArrow ? 'down' : key.escape ? 'esc' : input);
        setN((x) => x + 1);
      });
      return <Text>keys {n}</Text>;
    }
    const stdout = Object.assign(new EventEmitter(), { columns: 80, rows: 24, isTTY: true, write: () => true });
    const stdin = createScriptedStdin(null);
    const ink = render(<App />, { stdout: stdout as unknown as NodeJS.WriteStream, stdin, debug: true, patchConsole: false, exitOnCtrlC: false });
    // Gaps long enough that a busy machine still reads each key as its own chunk (two keys read together are one input to Ink).
    const s = ok('[{"at":"50ms","keys":"j"}, {"after":"250ms","key":"enter"}, {"after":"250ms","key":"down"}, {"after":"250ms","key":"esc"}, {"after":"250ms","key":"q"}]');
    const run = runKeyScript(s, (seq) => stdin.pushKeys(seq));
    await run.done;
    await new Promise((r) => setTimeout(r, 50));
    ink.unmount();
    stdin.close();
    expect(seen).toEqual(['j', 'enter', 'down', 'esc', 'q']);
  });
});
