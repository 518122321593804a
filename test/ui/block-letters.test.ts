import { describe, expect, it } from 'vitest';
import { blockLetters, blockWidth, blockLettersFitting, BLOCK_ROWS } from '../../source/ui/presenter/block-letters.js';

describe('block letters for the presenter verdict', () => {
  it('draws five rows, each exactly as wide as blockWidth says', () => {
    for (const word of ['API OK', 'API DEGRADED', 'API DOWN', 'STARTING', '30% FAIL']) {
      const rows = blockLetters(word);
      expect(rows).toHaveLength(BLOCK_ROWS);
      for (const r of rows) expect([...r].length).toBe(blockWidth(word));
    }
  });
  it('"API DEGRADED" fits a projector at 80 columns; a phrase too wide for 40 does not', () => {
    expect(blockLettersFitting('API DEGRADED', 80)).not.toBeNull();
    expect(blockLettersFitting('API DEGRADED', 40)).toBeNull();
  });
  it('different letters draw differently (O is not D, K is not X)', () => {
    expect(blockLetters('O')).not.toEqual(blockLetters('D'));
    expect(blockLetters('K')).not.toEqual(blockLetters('X'));
    expect(blockLetters('ok')).toEqual(blockLetters('OK'));
  });
});
