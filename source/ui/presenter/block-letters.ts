// Block letters for the presenter's verdict, readable from the back of a room: each glyph is five
// rows of a 5-column pattern ('#' = a full block). Letters, digits and a little punctuation.

const GLYPHS: Record<string, string[]> = {
  A: [' ### ', '#   #', '#####', '#   #', '#   #'],
  B: ['#### ', '#   #', '#### ', '#   #', '#### '],
  C: [' ####', '#    ', '#    ', '#    ', ' ####'],
  D: ['#### ', '#   #', '#   #', '#   #', '#### '],
  E: ['#####', '#    ', '#### ', '#    ', '#####'],
  F: ['#####', '#    ', '#### ', '#    ', '#    '],
  G: [' ####', '#    ', '#  ##', '#   #', ' ####'],
  H: ['#   #', '#   #', '#####', '#   #', '#   #'],
  I: ['#####', '  #  ', '  #  ', '  #  ', '#####'],
  J: ['  ###', '   # ', '   # ', '#  # ', ' ##  '],
  K: ['#   #', '#  # ', '###  ', '#  # ', '#   #'],
  L: ['#    ', '#    ', '#    ', '#    ', '#####'],
  M: ['#   #', '## ##', '# # #', '#   #', '#   #'],
  N: ['#   #', '##  #', '# # #', '#  ##', '#   #'],
  O: [' ### ', '#   #', '#   #', '#   #', ' ### '],
  P: ['#### ', '#   #', '#### ', '#    ', '#    '],
  Q: [' ### ', '#   #', '# # #', '#  # ', ' ## #'],
  R: ['#### ', '#   #', '#### ', '#  # ', '#   #'],
  S: [' ####', '#    ', ' ### ', '    #', '#### '],
  T: ['#####', '  #  ', '  #  ', '  #  ', '  #  '],
  U: ['#   #', '#   #', '#   #', '#   #', ' ### '],
  V: ['#   #', '#   #', '#   #', ' # # ', '  #  '],
  W: ['#   #', '#   #', '# # #', '## ##', '#   #'],
  X: ['#   #', ' # # ', '  #  ', ' # # ', '#   #'],
  Y: ['#   #', ' # # ', '  #  ', '  #  ', '  #  '],
  Z: ['#####', '   # ', '  #  ', ' #   ', '#####'],
  0: [' ### ', '#  ##', '# # #', '##  #', ' ### '],
  1: ['  #  ', ' ##  ', '  #  ', '  #  ', ' ### '],
  2: [' ### ', '#   #', '  ## ', ' #   ', '#####'],
  3: ['#### ', '    #', ' ### ', '    #', '#### '],
  4: ['#   #', '#   #', '#####', '    #', '    #'],
  5: ['#####', '#    ', '#### ', '    #', '#### '],
  6: [' ### ', '#    ', '#### ', '#   #', ' ### '],
  7: ['#####', '    #', '   # ', '  #  ', '  #  '],
  8: [' ### ', '#   #', ' ### ', '#   #', ' ### '],
  9: [' ### ', '#   #', ' ####', '    #', ' ### '],
  ' ': ['   ', '   ', '   ', '   ', '   '],
  '-': ['     ', '     ', ' ### ', '     ', '     '],
  '.': ['  ', '  ', '  ', '  ', '# '],
  ':': ['  ', '# ', '  ', '# ', '  '],
  '%': ['#   #', '   # ', '  #  ', ' #   ', '#   #'],
  '/': ['    #', '   # ', '  #  ', ' #   ', '#    '],
};

export const BLOCK_ROWS = 5;

/** The width in columns of `text` drawn in block letters (one blank column between glyphs). */
export function blockWidth(text: string): number {
  let w = 0;
  for (const ch of text.toUpperCase()) w += (GLYPHS[ch] ?? GLYPHS[' '])[0].length + 1;
  return Math.max(0, w - 1);
}

/** `text` as five rows of block letters; characters with no glyph are drawn as a space. */
export function blockLetters(text: string, block = '█'): string[] {
  const rows = ['', '', '', '', ''];
  const chars = [...text.toUpperCase()];
  chars.forEach((ch, i) => {
    const g = GLYPHS[ch] ?? GLYPHS[' '];
    for (let r = 0; r < BLOCK_ROWS; r++) rows[r] += g[r].replaceAll('#', block) + (i < chars.length - 1 ? ' ' : '');
  });
  return rows;
}

/** Block letters when they fit in `cols`, else null (the caller falls back to plain bold text). */
export function blockLettersFitting(text: string, cols: number, block = '█'): string[] | null {
  return blockWidth(text) <= cols ? blockLetters(text, block) : null;
}
