// Draws a block of styled lines as one Ink Text node.
import { useMemo } from 'react';
import { Box, Text } from 'ink';
import { type Line, clip } from './lines.js';
import { styled } from './styles.js';

/** Drops trailing blanks (unstyled spaces cost Ink as much as text). */
function trimEnd(l: Line): Line {
  const out = l.slice();
  while (out.length) {
    const last = out[out.length - 1];
    const t = last.inverse ? last.t : last.t.replace(/\s+$/, '');
    if (t === last.t) break;
    if (t) {
      out[out.length - 1] = { ...last, t };
      break;
    }
    out.pop();
  }
  return out;
}

/**
 * A block of lines as ONE Text node: the lines are already cut to the width, so Ink has almost
 * no layout work to do (a node per segment cost ~3× more per frame). While the text stays the
 * same (most panes, most frames), the same element is returned and React leaves Ink's nodes alone.
 */
export function Lines({ lines, width, noColor }: { lines: Line[]; width: number; noColor: boolean }) {
  const text = lines.map((l) => trimEnd(clip(l, width)).map((s) => styled(s, noColor)).join('') || ' ').join('\n');
  return useMemo(
    () => (
      <Box width={width} flexShrink={0}>
        <Text wrap="truncate">{text}</Text>
      </Box>
    ),
    [text, width],
  );
}
