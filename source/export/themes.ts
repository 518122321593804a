// Terminal palettes to draw a cast in: the 16 ANSI colours, the default text and background,
// plus xterm's 256-colour cube and grey ramp, which every theme shares.

export interface Theme {
  name: string;
  fg: string;
  bg: string;
  /** ANSI colours 0-15. */
  ansi: readonly string[];
}

export const THEMES: Record<string, Theme> = {
  // asciinema player's default look.
  asciinema: {
    name: 'asciinema',
    fg: '#cccccc',
    bg: '#121314',
    ansi: ['#000000', '#dd3c69', '#4ebf22', '#ddaf3c', '#26b0d7', '#b954e1', '#54e1b9', '#d9d9d9',
      '#4d4d4d', '#dd3c69', '#4ebf22', '#ddaf3c', '#26b0d7', '#b954e1', '#54e1b9', '#ffffff'],
  },
  dracula: {
    name: 'dracula',
    fg: '#f8f8f2',
    bg: '#282a36',
    ansi: ['#21222c', '#ff5555', '#50fa7b', '#f1fa8c', '#bd93f9', '#ff79c6', '#8be9fd', '#f8f8f2',
      '#6272a4', '#ff6e6e', '#69ff94', '#ffffa5', '#d6acff', '#ff92df', '#a4ffff', '#ffffff'],
  },
  // Solarized light (Ethan Schoonover's palette, as terminals map it).
  'solarized-light': {
    name: 'solarized-light',
    fg: '#657b83',
    bg: '#fdf6e3',
    ansi: ['#073642', '#dc322f', '#859900', '#b58900', '#268bd2', '#d33682', '#2aa198', '#eee8d5',
      '#002b36', '#cb4b16', '#586e75', '#657b83', '#839496', '#6c71c4', '#93a1a1', '#fdf6e3'],
  },
};

export const DEFAULT_THEME = 'asciinema';

const hex2 = (n: number) => n.toString(16).padStart(2, '0');

/** xterm's colours 16-255: a 6×6×6 cube, then 24 greys. */
export function xterm256(n: number): string {
  if (n >= 232) {
    const v = 8 + 10 * (n - 232);
    return `#${hex2(v)}${hex2(v)}${hex2(v)}`;
  }
  const i = n - 16;
  const level = (k: number) => (k === 0 ? 0 : 55 + 40 * k);
  return `#${hex2(level(Math.floor(i / 36)))}${hex2(level(Math.floor(i / 6) % 6))}${hex2(level(i % 6))}`;
}

/** A symbolic colour of the screen model ("fg", "bg", "p12", "#aabbcc") as #rrggbb in `theme`. */
export function resolveColour(theme: Theme, c: string): string {
  if (c === 'fg') return theme.fg;
  if (c === 'bg') return theme.bg;
  if (c.startsWith('#')) return c;
  const n = Number(c.slice(1));
  return n < 16 ? theme.ansi[n] : xterm256(n);
}
