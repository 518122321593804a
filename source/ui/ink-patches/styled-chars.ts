// Splits a line of terminal text into characters with the styles in force at each, the form
// Ink's compositor works on. The general tokenizer segments every line into graphemes, which
// costs ~200 µs for one dashboard line; dashboard lines are plain characters and colour codes,
// so those take a direct scan here, and anything else (other escape sequences, combining marks,
// emoji, wide or control characters) goes to the general tokenizer. Both give the same result
// (test/ui/styled-chars.test.ts).
import { reduceAnsiCodesIncremental, styledCharsFromTokens, tokenize, type AnsiCode, type StyledChar } from '@alcalzone/ansi-tokenize';
import stringWidth from 'string-width';
import { BoundedCache } from './bounded-cache.js';

const ESC = 0x1b;
const sgrCodes = new BoundedCache<AnsiCode[]>(512);
const narrow = new BoundedCache<boolean>(4096);

/** One column wide and a grapheme of its own, whatever comes next. */
function isSimpleChar(cp: number): boolean {
  const inRange =
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0x2ff) ||
    (cp >= 0x2010 && cp <= 0x2027) ||
    (cp >= 0x2030 && cp <= 0x205e) ||
    (cp >= 0x2190 && cp <= 0x2bff);
  if (!inRange) return false;
  if (cp <= 0x7e) return true;
  return narrow.get(String.fromCharCode(cp), (ch) => stringWidth(ch) === 1);
}

/** The end of an SGR sequence (`ESC [ digits/semicolons m`) starting at `i`, or -1. */
function sgrEnd(line: string, i: number): number {
  if (line.charCodeAt(i + 1) !== 0x5b) return -1;
  for (let j = i + 2; j < line.length; j++) {
    const c = line.charCodeAt(j);
    if (c === 0x6d) return j;
    if (c !== 0x3b && (c < 0x30 || c > 0x39)) return -1;
  }
  return -1;
}

/**
 * Walks a line of colour codes and plain characters: `code` gets each SGR sequence, `char` each
 * character's index. False as soon as the line holds anything else (the callers then leave it to
 * the general tokenizer or string-width).
 */
function walkSimple(line: string, code: (sequence: string) => void, char: (index: number) => void): boolean {
  for (let i = 0; i < line.length; i++) {
    const cp = line.charCodeAt(i);
    if (cp === ESC) {
      const end = sgrEnd(line, i);
      if (end < 0) return false;
      code(line.slice(i, end + 1));
      i = end;
      continue;
    }
    if (!isSimpleChar(cp)) return false;
    char(i);
  }
  return true;
}

/** The direct scan; null when the line holds anything it leaves to the general tokenizer. */
export function simpleStyledChars(line: string): StyledChar[] | null {
  const out: StyledChar[] = [];
  let styles: AnsiCode[] = [];
  const simple = walkSimple(
    line,
    (seq) => (styles = reduceAnsiCodesIncremental(styles, sgrCodes.get(seq, (q) => tokenize(q) as AnsiCode[]))),
    (i) => out.push({ type: 'char', value: line[i], fullWidth: false, styles }),
  );
  return simple ? out : null;
}

/**
 * The display width of a line of colour codes and plain characters (each one column), or null
 * when it holds anything else (then string-width decides).
 */
export function simpleWidth(line: string): number | null {
  let width = 0;
  return walkSimple(line, () => {}, () => width++) ? width : null;
}

/** True when every escape sequence in the text is a colour/style (SGR) code. */
export function onlySgrCodes(text: string): boolean {
  for (let i = text.indexOf('\u001b'); i >= 0; i = text.indexOf('\u001b', i + 1)) {
    const end = sgrEnd(text, i);
    if (end < 0) return false;
    i = end;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 && c <= 0x9f) return false;
  }
  return true;
}

/** The characters of a line with their styles, as Ink's tokenizer gives them. */
export function styledCharsOf(line: string): StyledChar[] {
  return simpleStyledChars(line) ?? styledCharsFromTokens(tokenize(line));
}
