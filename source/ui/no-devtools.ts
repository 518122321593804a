// Stands in for Ink's React DevTools hook in the bundled CLI (see build.mjs): the CLI ships
// without the devtools client, so DEV=true connects to nothing.
export {};
