// Keys of the views this module family adds (timeline, event log), for the help overlay and the
// App's keymap: the App binds them to the pure models in timeline/ and event-selection.ts.
export const VIEW_KEYS: [string, string][] = [
  ['T', 'failover timeline (← → fault, - + zoom)'],
  ['e', 'event log: ↑ ↓ move, Enter opens one with its causes'],
];
