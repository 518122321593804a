// The --script flag takes keystroke entries (key/keys/type: they drive the dashboard) or timed sim
// actions (do: ...): which one a file holds, before either parser reads it.
import { parseDocument } from 'yaml';

export type ScriptKind = 'keys' | 'actions' | 'mixed' | 'unknown';

/** Keystroke entries (key/keys/type) or sim-action entries (do), for the CLI to pick a parser. */
export function classifyScript(entries: unknown): ScriptKind {
  const list = Array.isArray(entries) ? entries : entries && typeof entries === 'object' && Array.isArray((entries as { steps?: unknown }).steps) ? (entries as { steps: unknown[] }).steps : null;
  if (!list) return 'unknown';
  let keys = 0;
  let actions = 0;
  for (const e of list) {
    if (!e || typeof e !== 'object') continue;
    const o = e as Record<string, unknown>;
    if ('do' in o) actions++;
    if ('key' in o || 'keys' in o || 'type' in o) keys++;
  }
  if (keys && actions) return 'mixed';
  if (keys) return 'keys';
  if (actions) return 'actions';
  return 'unknown';
}

/** Classifies script text (YAML or JSON) without validating it; 'unknown' when it does not parse. */
export function classifyScriptText(text: string): ScriptKind {
  try {
    const doc = parseDocument(text);
    if (doc.errors.length) return 'unknown';
    return classifyScript(doc.toJS());
  } catch {
    return 'unknown';
  }
}
