// What the views put over the panes, from their state: the full timeline (`T`), the open event
// (`e`, Enter), or nothing. The App draws this in place of the panes when it is not null.
import type { Session } from '../sim/session.js';
import type { ViewsState } from './view-keys.js';
import { zoomOf } from './view-keys.js';
import { TimelineView } from './timeline/view.js';
import { EventDetailView } from './event-detail-view.js';

export interface ViewsOverlayProps {
  views: ViewsState;
  session: Session;
  width: number;
  height: number;
  noColor: boolean;
}

/** True when a view covers the panes (the App then skips drawing them). */
export function overlayOpen(v: ViewsState): boolean {
  return v.timeline.open || (v.events.open && v.events.id !== null);
}

export function ViewsOverlay(p: ViewsOverlayProps) {
  const v = p.views;
  if (v.timeline.open) {
    return <TimelineView session={p.session} width={p.width} height={p.height} noColor={p.noColor} selectedFault={v.timeline.fault} zoomOut={zoomOf(v)} />;
  }
  if (v.events.open && v.events.id !== null) {
    return <EventDetailView state={p.session.state} eventId={v.events.id} width={p.width} height={p.height} scroll={v.events.scroll} noColor={p.noColor} />;
  }
  return null;
}
