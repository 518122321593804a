// The failover timeline as Ink components: the full-screen view (`T`) and the narrow strip that
// sits beside the panes on wide terminals. Both draw one Text block of lines cut to the width.
import { useRef, type ReactElement } from 'react';
import { Box, Text } from 'ink';
import type { Session } from '../../sim/session.js';
import { styledText } from '../styled-text.js';
import { sameStripInputs, stripInputsKey, timelineLines, type TimelineInput } from './render.js';
import type { OutageFigures } from './ledger-words.js';

export interface TimelineProps {
  session: Session;
  width: number;
  height: number;
  noColor: boolean;
  outages?: readonly OutageFigures[];
  selectedFault?: number | null;
  zoomOut?: number;
}

const inputOf = (p: TimelineProps, compact: boolean): TimelineInput => ({
  history: p.session.history, live: p.session.live, shown: p.session.state, width: p.width, height: p.height,
  outages: p.outages, selectedFault: p.selectedFault, zoomOut: p.zoomOut, compact,
});

function draw(p: TimelineProps, compact: boolean) {
  const lines = timelineLines(inputOf(p, compact));
  return (
    <Box width={p.width} flexShrink={0}>
      <Text wrap="truncate">{styledText(lines, p.width, p.noColor)}</Text>
    </Box>
  );
}

/** The whole timeline: every lane, the markers with labels, the legend and the ledger in words. */
export function TimelineView(p: TimelineProps) {
  return draw(p, false);
}

/**
 * The narrow form: short lane labels, no words column, no ledger (≥ 160-column terminals). It is
 * drawn beside the panes every frame but changes about once a second: the same element is handed
 * back while its inputs are the same, so neither the lines nor Ink's text node are made again.
 */
export function TimelineStrip(p: TimelineProps) {
  const last = useRef<{ key: readonly unknown[]; noColor: boolean; element: ReactElement } | null>(null);
  const key = stripInputsKey(inputOf(p, true));
  if (last.current && last.current.noColor === p.noColor && sameStripInputs(last.current.key, key)) return last.current.element;
  const element = draw(p, true);
  last.current = { key, noColor: p.noColor, element };
  return element;
}
