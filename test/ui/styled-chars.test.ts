// The fast tokenizer must give exactly what Ink's tokenizer gives, for dashboard lines and for
// anything else a line may hold (it hands those to the general tokenizer).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import chalk, { Chalk } from 'chalk';
import { styledCharsFromTokens, tokenize } from '@alcalzone/ansi-tokenize';
import { simpleStyledChars, styledCharsOf } from '../../source/ui/ink-patches/styled-chars.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 500);
const reference = (line: string) => styledCharsFromTokens(tokenize(line));

const piece = fc.constantFrom(
  'a', 'Z', ' ', '·', '─', '│', '●', '◐', '★', '▲', '▼', '◆', '█', '░', '▁', '▇', '→', '←', '✔', '✖', '×', 'é', 'ß',
  '漢', '🙂', 'e\u0301', '\u200d', '\ufe0f', '⌚', '✅', '\t', '\u009b31m', 'ｶ', '\u001b', '\u001b[', '\u001b]8;;http://x\u0007', '\u001b[2J',
  '\u001b[31m', '\u001b[39m', '\u001b[1m', '\u001b[22m', '\u001b[2m', '\u001b[0m', '\u001b[m', '\u001b[1;31;42m', '\u001b[38;5;208m', '\u001b[38;2;1;2;3m', '\u001b[49m', '\u001b[7m', '\u001b[27m', '\u001b[90m',
);

describe('styled characters of a line', () => {
  it('are the same as the general tokenizer gives, for any mix of characters and codes', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const line = parts.join('');
        expect(styledCharsOf(line)).toEqual(reference(line));
      }),
      { numRuns: RUNS, seed: 3 },
    );
  });

  it('are the same for lines coloured the way the dashboard colours them', () => {
    const c = new Chalk({ level: 3 });
    const lines = [
      `  ${c.bold('apiserver')} ${c.green('● ready')}   ${c.gray('renewed 0.6s ago')} · ${c.yellow.bold('0')} ${c.inverse(' master-1 ')}`,
      c.red.bgBlack('✖ API writes FAILING') + '  ·  ' + c.dim('etcd quorum 1/3 LOST'),
      `${c.cyan('██████')}${c.gray('░░░░')} 60%  ${c.red('▁▂▃▅▇')}`,
      chalk.reset('plain'),
    ];
    for (const line of lines) {
      expect(simpleStyledChars(line), 'takes the direct scan').not.toBeNull();
      expect(styledCharsOf(line)).toEqual(reference(line));
    }
  });
});
