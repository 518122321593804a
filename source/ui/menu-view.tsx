// Menus and the help overlay as Ink components over their pure layouts (menu-model.ts,
// help-layout.ts): one Text block each, cut to the width, colour only when allowed.
import { Box, Text } from 'ink';
import { styledText } from './styled-text.js';
import { menuLines, type MenuModel } from './menu-model.js';
import { helpPage } from './help-layout.js';

export interface MenuBoxProps extends MenuModel {
  width: number;
  /** Lines available, title and indicators included. */
  rows: number;
  noColor: boolean;
}

export function MenuBox(p: MenuBoxProps) {
  return (
    <Box width={p.width} flexShrink={0}>
      <Text wrap="truncate">{styledText(menuLines(p, p.rows), p.width, p.noColor)}</Text>
    </Box>
  );
}

export interface HelpViewProps {
  keys: readonly [string, string][];
  width: number;
  rows: number;
  /** First entry shown when it scrolls (the App keeps it; ↑ ↓ change it). */
  offset?: number;
  noColor: boolean;
}

export function HelpView(p: HelpViewProps) {
  const page = helpPage(p.keys, p.width, p.rows, p.offset ?? 0);
  return (
    <Box width={p.width} flexShrink={0}>
      <Text wrap="truncate">{styledText(page.lines, p.width, p.noColor)}</Text>
    </Box>
  );
}
