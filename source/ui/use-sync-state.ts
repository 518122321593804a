// State whose latest value a key handler can read at once. Ink hands every key of one read from
// the terminal (a paste, a keystroke script, tmux send-keys, a fast typist) to the same handler
// before React renders again, so a handler that reads its render's state sees the first key's
// effect only after the rest have run: "↓ Enter" in one read chose the item above. Values set
// here are visible through the ref at once; the state still drives rendering.
import { useCallback, useRef, useState } from 'react';

export type SyncSetter<T> = (next: T | ((prev: T) => T)) => void;

export function useSyncState<T>(initial: T | (() => T)): [T, SyncSetter<T>, { readonly current: T }] {
  const [value, setValue] = useState(initial);
  const ref = useRef(value);
  const set = useCallback<SyncSetter<T>>((next) => {
    const v = typeof next === 'function' ? (next as (prev: T) => T)(ref.current) : next;
    ref.current = v;
    setValue(v);
  }, []);
  return [value, set, ref];
}
