// The keystroke overlay: the key just pressed and what it did, in words, shown in the footer for a
// moment so viewers of a recording can follow ("⌨ c crash master-1"). The words come from the
// keymap table (its binding's description) or from the action the key dispatched.
import type { Key } from 'ink';
import { describeAction } from '../sim/actions.js';
import type { KeyBinding, KeyCommand } from './keymap.js';

/** How long the overlay stays after a key, in wall milliseconds. */
export const KEY_ECHO_MS = 1500;

/** The key as a person names it: arrows, Enter, Esc, Tab, space, Ctrl+C, or the character itself. */
export function keyName(input: string, key: Key): string {
  if (key.upArrow) return '↑';
  if (key.downArrow) return '↓';
  if (key.leftArrow) return '←';
  if (key.rightArrow) return '→';
  if (key.return) return 'Enter';
  if (key.escape) return 'Esc';
  if (key.tab) return key.shift ? 'Shift+Tab' : 'Tab';
  if (key.backspace || key.delete) return 'Backspace';
  if (key.ctrl && input) return `Ctrl+${input.toUpperCase()}`;
  if (input === ' ') return 'space';
  return input;
}

/** The binding's description without its parenthesised aside: "crash the selected node". */
function shortDescription(b: KeyBinding): string {
  return b.description.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
}

/**
 * The overlay text for a key that `binding` handled with `cmd`. `chosen` is the label of the menu
 * item a menu key chose, when there is one (the action it runs is what viewers want to read).
 */
export function keyEchoText(input: string, key: Key, binding: KeyBinding, cmd: KeyCommand, chosen?: string): string {
  const what = cmd.kind === 'act' ? describeAction(cmd.action) : chosen ?? shortDescription(binding);
  return `⌨ ${keyName(input, key)} ${what}`;
}
