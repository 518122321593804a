// The keystroke overlay: key names and words from the keymap table, drawn in the App's footer
// only when asked (showKeys), and the menu key naming the item it chose.
import { describe, expect, it } from 'vitest';
import type { Key } from 'ink';
import { keyName, keyEchoText } from '../../source/ui/key-echo.js';
import { KEYMAP, bindingFor, commandFor, type KeyContext } from '../../source/ui/keymap.js';
import { bootedSession, renderApp, press, waitFor, KEY } from './helpers.js';

const NO_KEY = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
  return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
} as Key;

describe('key names and overlay words', () => {
  it('names keys as people say them', () => {
    expect(keyName('', { ...NO_KEY, downArrow: true })).toBe('↓');
    expect(keyName('', { ...NO_KEY, return: true })).toBe('Enter');
    expect(keyName('', { ...NO_KEY, escape: true })).toBe('Esc');
    expect(keyName(' ', NO_KEY)).toBe('space');
    expect(keyName('c', { ...NO_KEY, ctrl: true })).toBe('Ctrl+C');
    expect(keyName('c', NO_KEY)).toBe('c');
  });

  it('an action key says the action; another key says its binding from the keymap', () => {
    const session = bootedSession();
    const ctx: KeyContext = { mode: 'main', state: session.state, speed: 1, selected: 'master-1', lessonWaits: false };
    const c = commandFor('c', NO_KEY, ctx)!;
    expect(keyEchoText('c', NO_KEY, bindingFor('c', NO_KEY, ctx)!, c)).toBe('⌨ c crash master-1');
    const down = { ...NO_KEY, downArrow: true };
    const b = bindingFor('', down, ctx)!;
    expect(b).toBe(KEYMAP.find((k) => k.description === 'select a node'));
    expect(keyEchoText('', down, b, commandFor('', down, ctx)!)).toBe('⌨ ↓ select a node');
  });
});

describe('the overlay in the App footer', () => {
  it('shows the last key with showKeys, and nothing without it', async () => {
    const r = renderApp({ session: bootedSession(), showKeys: true });
    await press(r.stdin, 'c');
    await waitFor(() => r.frame().includes('⌨ c crash master-1'), 'the overlay after c');
    // A menu key names the item it chose.
    await press(r.stdin, KEY.down);
    await press(r.stdin, KEY.enter);
    await waitFor(() => r.frame().includes('Enter actions on the node'), 'the overlay after Enter');
    await press(r.stdin, '1');
    await waitFor(() => /⌨ 1 \S/.test(r.frame()), 'the overlay after choosing an item');
    r.unmount();
    const off = renderApp({ session: bootedSession() });
    await press(off.stdin, 'c');
    await waitFor(() => off.frame().includes('crashed'), 'the crash');
    expect(off.frame()).not.toContain('⌨');
    off.unmount();
  });
});
