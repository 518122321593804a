// Rows an open menu takes over the panes: its title and its items, or, for a long menu, the title,
// a window of items and the "▲ / ▼ n more" lines (menu-model.ts scrolls it).
import { MENU_VISIBLE_MAX } from './menu-model.js';

export function menuRowsFor(items: number | null): number {
  if (items === null) return 0;
  return items <= MENU_VISIBLE_MAX ? items + 1 : MENU_VISIBLE_MAX + 3;
}
