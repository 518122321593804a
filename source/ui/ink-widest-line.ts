// Stands in for the `widest-line` package inside Ink in the bundled CLI (see build.mjs).
export { widestLine as default } from './text-metrics.js';
