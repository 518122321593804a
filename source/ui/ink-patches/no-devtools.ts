// Stands in for Ink's React DevTools hook in the bundled CLI (see README.md here): the CLI ships
// without the devtools client, so DEV=true connects to nothing.
export {};
