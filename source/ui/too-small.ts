// The "too small" screen: the dashboard is not drawn, so no key may act on the cluster behind it
// (typed there, `j c Enter` would crash a node no one sees). Only q and Ctrl+C, to quit.
export function tooSmallKey(input: string, key: { ctrl?: boolean }): boolean {
  return input === 'q' || (key.ctrl === true && input === 'c');
}
