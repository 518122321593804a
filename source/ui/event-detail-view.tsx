// The event-detail view as an Ink component: one event in full with its chain of causes.
import { Box, Text } from 'ink';
import type { State } from '../sim/types.js';
import { styledText } from './styled-text.js';
import { eventDetailLines } from './event-detail.js';
import { seg } from './lines.js';

export interface EventDetailProps {
  state: State;
  eventId: string;
  width: number;
  height: number;
  /** First line shown when the event is longer than the view (EventSelection.scroll). */
  scroll?: number;
  noColor: boolean;
}

export function EventDetailView(p: EventDetailProps) {
  const e = p.state.events.find((x) => x.id === p.eventId);
  const lines = e ? eventDetailLines(p.state, e, p.width, p.height, p.scroll ?? 0) : [[seg(' That event is no longer in the log (it keeps the newest ones). Esc closes.', 'plain', { dim: true })]];
  return (
    <Box width={p.width} flexShrink={0}>
      <Text wrap="truncate">{styledText(lines, p.width, p.noColor)}</Text>
    </Box>
  );
}
