// The terminal's size, followed on resize; a size fixed by props (a recording, a test) is not followed.
import { useEffect, useState } from 'react';
import { terminalSize } from './terminal-size.js';

export function useTerminalSize(stdout: NodeJS.WriteStream | undefined, fixed: boolean): { cols: number; rows: number } {
  const [size, setSize] = useState(() => terminalSize(stdout));
  useEffect(() => {
    if (fixed || !stdout) return;
    const onResize = () => setSize(terminalSize(stdout));
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout, fixed]);
  return size;
}
