// Stands in for the `widest-line` package inside Ink in the bundled CLI (see README.md here).
export { widestLine as default } from './text-metrics.js';
