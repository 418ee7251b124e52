/**
 * Typographic symbols (kramdown's typographic_syms): `---`, `--`, `...`, `<<`, `>>` (with a space
 * inside: `<< `, ` >>`); `\<<` and `\>>` stay two less-than or greater-than signs.
 */
import { Element } from '../../element.ts';
import { entity } from '../../entities.ts';
import type { Rule } from '../rules.ts';

const SYMBOLS: Record<string, string> = {
  '---': 'mdash',
  '--': 'ndash',
  '...': 'hellip',
  '<< ': 'laquo_space',
  ' >>': 'raquo_space',
  '<<': 'laquo',
  '>>': 'raquo',
};
// Alternatives in kramdown's order: the first that matches wins.
const TYPOGRAPHIC_SYMS = /---|--|\.\.\.|\\<<|\\>>|<< | >>|<<|>>/u;

export const typographicSyms: Rule = {
  name: 'typographic_syms',
  start: TYPOGRAPHIC_SYMS,
  spanStart: '--|\\.\\.\\.|(?:\\\\| )?(?:<<|>>)',
  startChars: '-.\\< >',
  parse(p) {
    const location = p.src.currentLineNumber();
    const matched = p.src.scan(TYPOGRAPHIC_SYMS) as string;
    const symbol = SYMBOLS[matched];
    if (symbol) {
      p.tree.children.push(new Element('typographic_sym', symbol, undefined, { location }));
    } else {
      const sign = entity(matched === '\\<<' ? 'lt' : 'gt');
      p.tree.children.push(new Element('entity', sign, undefined, { location }));
      p.tree.children.push(new Element('entity', sign, undefined, { location }));
    }
    return true;
  },
};
