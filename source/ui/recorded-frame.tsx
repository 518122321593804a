// One frame of a headless recording: a caption of narration above a view of the dashboard, at a
// fixed size. The recorder (source/record) renders this; the dashboard knows nothing of recording.
import React from 'react';
import { Box, Text } from 'ink';
import type { State } from '../sim/types.js';
import type { CheckResult } from '../sim/driver.js';
import type { Session } from '../sim/session.js';
import { App } from './app.js';
import { Lines } from './lines-view.js';
import { lessonPanelLines, type LessonPanel } from './lesson-panel.js';

/** What the recorder hands the dashboard for one frame. */
export interface FrameViewProps {
  session: Session;
  state: State;
  cols: number;
  /** Rows the view may use (the caption's rows already taken off). */
  rows: number;
  /** The current narration, or null. */
  caption: string | null;
  /** Checks reported so far (✓/✗). */
  checks: CheckResult[];
}
export type FrameView = React.ComponentType<FrameViewProps>;

function Caption({ text, cols, rows }: { text: string | null; cols: number; rows: number }): React.ReactElement | null {
  if (rows <= 0) return null;
  const body = text ? `▶ ${text}` : '';
  // Word-wrap into `rows` lines of `cols`, ellipsis on overflow, so the height never changes.
  const out: string[] = [];
  let cur = '';
  for (const word of body.split(/\s+/).filter(Boolean)) {
    const next = cur ? `${cur} ${word}` : word;
    if ([...next].length <= cols) cur = next;
    else {
      out.push(cur);
      cur = [...word].slice(0, cols).join('');
    }
  }
  if (cur) out.push(cur);
  if (out.length > rows) {
    out.length = rows;
    const last = [...out[rows - 1]];
    out[rows - 1] = last.slice(0, Math.max(0, cols - 1)).join('') + '…';
  }
  while (out.length < rows) out.push('');
  return (
    <Box flexDirection="column" width={cols} height={rows}>
      {out.map((l, i) => (
        <Text key={i} bold color="cyan" wrap="truncate">{l || ' '}</Text>
      ))}
    </Box>
  );
}

/** The panel above the view: the narration, or a prediction question (lesson-panel.ts). Drawn once: the view gets no caption. */
export function RecordedFrame(props: FrameViewProps & { View: FrameView; captionRows: number; totalRows: number; panel?: LessonPanel; noColor?: boolean }): React.ReactElement {
  const { View, captionRows, totalRows, panel, noColor, ...viewProps } = props;
  return (
    <Box flexDirection="column" width={props.cols} height={totalRows}>
      {panel && captionRows > 0
        ? <Lines lines={lessonPanelLines(panel, props.cols, captionRows)} width={props.cols} noColor={noColor ?? false} />
        : <Caption text={props.caption} cols={props.cols} rows={captionRows} />}
      <View {...viewProps} />
    </Box>
  );
}

/** The dashboard to record: the App driven as a controlled view (session in, no timer); the narration is the frame's panel, not repeated in the App. */
export const dashboardView: FrameView = (p) => <App session={p.session} autoTick={false} cols={p.cols} rows={p.rows} />;
