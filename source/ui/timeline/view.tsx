// The failover timeline as Ink components: the full-screen view (`T`) and the narrow strip that
// sits beside the panes on wide terminals. Both draw one Text block of lines cut to the width.
import { Box, Text } from 'ink';
import type { Session } from '../../sim/session.js';
import { styledText } from '../styled-text.js';
import { timelineLines } from './render.js';
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

function draw(p: TimelineProps, compact: boolean) {
  const lines = timelineLines({
    history: p.session.history, live: p.session.live, shown: p.session.state, width: p.width, height: p.height,
    outages: p.outages, selectedFault: p.selectedFault, zoomOut: p.zoomOut, compact,
  });
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

/** The narrow form: short lane labels, no words column, no ledger (≥ 160-column terminals). */
export function TimelineStrip(p: TimelineProps) {
  return draw(p, true);
}
