// The dashboards' key subscription: every key typed reaches `onKey` in order (a run read at once
// is split back into its keys, typed-keys.ts), always the newest handler, and only where the
// terminal has raw mode (Ink would crash reading keys without it).
import { useCallback, useRef } from 'react';
import { useInput, useStdin, type Key } from 'ink';
import { typedKeys } from './typed-keys.js';

export function useTypedKeys(onKey: (input: string, key: Key) => void): void {
  const { isRawModeSupported } = useStdin();
  const onKeyRef = useRef(onKey);
  onKeyRef.current = onKey;
  const stableOnKey = useCallback((input: string, key: Key) => {
    for (const [i, k] of typedKeys(input, key)) onKeyRef.current(i, k);
  }, []);
  useInput(stableOnKey, { isActive: isRawModeSupported === true });
}
