// A YAML or JSON file parsed with the line of every node, so a problem is reported as
// `file:line: problem`. A .json file is strict JSON (a trailing comma is an error, with its line);
// anything else is YAML. One helper for scenario files, --script files and keystroke scripts.
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';

export interface LocatedDoc {
  /** The parsed value (plain JSON data). */
  value: unknown;
  doc: Document;
  /** The 1-based line a node starts on (1 when it has no position). */
  lineOf(node: Node | null | undefined): number;
  /** The line of the node at a path of keys and indexes, or of its nearest parent that exists. */
  lineAt(path: readonly (string | number)[]): number;
}

export type Located = { ok: true; doc: LocatedDoc } | { ok: false; line: number; problem: string };

/** The line of a character offset in `text`. */
function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < Math.min(offset, text.length); i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function strictJson(text: string): { ok: true } | { ok: false; line: number; problem: string } {
  try {
    JSON.parse(text);
    return { ok: true };
  } catch (e) {
    const msg = String((e as Error).message);
    const lc = /line (\d+) column \d+/.exec(msg);
    const pos = /position (\d+)/.exec(msg);
    const line = lc ? Number(lc[1]) : pos ? lineOfOffset(text, Number(pos[1])) : lineOfOffset(text, text.length);
    // One line: Node quotes the text around the error, across lines; keep the first clause.
    const what = msg.split('\n')[0].replace(/ in JSON at position \d+.*$/, '').replace(/, (\.\.\.)?".*$/, '');
    return { ok: false, line, problem: `not valid JSON: ${what}` };
  }
}

/** The node at a path of keys and indexes, or the nearest parent that exists. */
function nodeAt(doc: Document, path: readonly (string | number)[]): Node | null {
  let cur: unknown = doc.contents;
  let last: Node | null = (cur as Node) ?? null;
  for (const key of path) {
    if (isMap(cur)) {
      const pair = cur.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
      if (!pair) return last;
      last = (pair.value as Node) ?? (pair.key as Node);
      cur = pair.value;
    } else if (isSeq(cur)) {
      const item = cur.items[Number(key)];
      if (item === undefined) return last;
      last = item as Node;
      cur = item;
    } else return last;
  }
  return last;
}

export function parseLocated(text: string, file: string): Located {
  if (/\.json$/i.test(file)) {
    const j = strictJson(text);
    if (!j.ok) return j;
  }
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const line = e.pos ? lc.linePos(e.pos[0]).line : 1;
    return { ok: false, line, problem: `not valid YAML or JSON: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}` };
  }
  const lineOf = (n: Node | null | undefined) => (n?.range ? lc.linePos(n.range[0]).line : 1);
  const lineAt = (path: readonly (string | number)[]) => lineOf(nodeAt(doc, path));
  return { ok: true, doc: { value: doc.toJSON(), doc, lineOf, lineAt } };
}
