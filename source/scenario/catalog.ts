// The built-in lessons on disk: where they are, their names and titles. Kept apart from the
// scenario loader (YAML parser and schema) so the dashboard can list lessons without loading it
// before its first frame; the loader reads the same files when a lesson starts.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder of built-in lessons, shipped beside dist/ in the package. */
export function lessonsDir(): string | null {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'scenarios');
    if (existsSync(candidate) && existsSync(path.join(dir, 'package.json'))) return candidate;
    dir = path.dirname(dir);
  }
  return null;
}

export function builtinFiles(): string[] {
  const dir = lessonsDir();
  if (!dir) return [];
  return readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f)).sort().map((f) => path.join(dir, f));
}

export const nameOf = (file: string) => path.basename(file).replace(/\.(ya?ml|json)$/, '');

/**
 * Names and titles of the built-in lessons, read from each file's top-level `title:` line
 * (built-in lessons keep it plain on one line; a test holds them to the full parser's titles).
 */
export function lessonCatalog(): { name: string; title: string }[] {
  return builtinFiles().map((f) => {
    const m = /^title:[ \t]*(.+?)[ \t]*$/m.exec(readFileSync(f, 'utf8'));
    const raw = m?.[1] ?? nameOf(f);
    const title = /^(['"])(.*)\1$/.exec(raw)?.[2] ?? raw;
    return { name: nameOf(f), title };
  });
}
