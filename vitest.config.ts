import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { UPSTREAM_PREFIX, locateInk } from './source/ui/ink-patches/upstream.mjs';

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  // `ink-upstream/<file>`: Ink's own modules, which the tests compare the patches against (the
  // build maps the same name; test/global-setup.ts builds first, so a changed Ink stops the suite).
  resolve: {
    alias: [{ find: new RegExp(`^${UPSTREAM_PREFIX}(.*)$`), replacement: `${locateInk(root).buildDir}/$1` }],
  },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
