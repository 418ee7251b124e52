/** Rouge 3.30's R lexer (lexers/r.rb: `r`, `R`, `s`, `S`), rule for rule. */
import { action, lexer, rule } from './regex-lexer.ts';

const KEYWORDS = new Set('if else for while repeat in next break function'.split(' '));
const KEYWORD_CONSTANTS = new Set(
  'NULL Inf TRUE FALSE NaN NA NA_integer_ NA_real_ NA_complex_ NA_character_'.split(' '),
);
const BUILTIN_CONSTANTS = new Set('LETTERS letters month.abb month.name pi T F'.split(' '));
const PRIMITIVE_FUNCTIONS = `abs acos acosh all any anyNA Arg as.call as.character
  as.complex as.double as.environment as.integer as.logical
  as.null.default as.numeric as.raw asin asinh atan atanh attr
  attributes baseenv browser c call ceiling class Conj cos cosh
  cospi cummax cummin cumprod cumsum digamma dim dimnames
  emptyenv exp expression floor forceAndCall gamma gc.time
  globalenv Im interactive invisible is.array is.atomic is.call
  is.character is.complex is.double is.environment is.expression
  is.finite is.function is.infinite is.integer is.language
  is.list is.logical is.matrix is.na is.name is.nan is.null
  is.numeric is.object is.pairlist is.raw is.recursive is.single
  is.symbol lazyLoadDBfetch length lgamma list log max min
  missing Mod names nargs nzchar oldClass on.exit pos.to.env
  proc.time prod quote range Re rep retracemem return round
  seq_along seq_len seq.int sign signif sin sinh sinpi sqrt
  standardGeneric substitute sum switch tan tanh tanpi tracemem
  trigamma trunc unclass untracemem UseMethod xtfrm`
  .split(/\s+/)
  .join('|');

const ALPHA = '\\p{Alphabetic}';
const ALNUM = '\\p{Alphabetic}\\p{Nd}';

export const R = lexer({
  root: [
    rule(/#'[^\n]*?$/m, 'cd'),
    rule(/#[^\n]*?$/m, 'c1'),
    rule(/[ \t\n\v\f\r]+/, 'w'),
    rule(/`[^`]+?`/, 'n'),
    rule(/'(\\[\s\S]|[\s\S])*?'/, 's1'),
    rule(/"(\\[\s\S]|[\s\S])*?"/, 's2'),
    rule(/%[^%]*?%/, 'o'),
    rule(/0[xX][a-fA-F0-9]+([pP][0-9]+)?[Li]?/, 'mh'),
    rule(/[+-]?(\d+([.]\d+)?|[.]\d+)([eE][+-]?\d+)?[Li]?/, 'm'),
    // (?<!.) never fails: nothing before the position is seen.
    rule(new RegExp(`\\b(${PRIMITIVE_FUNCTIONS})(?=\\()`), 'nf'),
    action(new RegExp(`(?:(?:[${ALPHA}]|[.][._${ALPHA}])[._${ALNUM}]*)|[.]`), (m, lexer) => {
      const name = m[0];
      if (KEYWORDS.has(name)) lexer.emit('k', name);
      else if (KEYWORD_CONSTANTS.has(name)) lexer.emit('kc', name);
      else if (BUILTIN_CONSTANTS.has(name)) lexer.emit('nb', name);
      else lexer.emit('n', name);
    }),
    rule(/[[\]{}();,]/, 'p'),
    rule(/[-<>?*+^/!=~$@:%&|]/, 'o'),
  ],
});
