/**
 * Smart quotes (kramdown's smart_quotes, from RubyPants): each straight quote becomes an opening
 * or closing one by the first of kramdown's rules that matches where it stands (the character
 * before the quote is part of the match, so a rule can look at it).
 */
import { Element } from '../../element.ts';
import { NS, S, WORD } from '../ruby.ts';
import type { Rule } from '../rules.ts';

/** Ruby's `\B`. */
const NON_BOUNDARY = `(?:(?<=${WORD})(?=${WORD})|(?<!${WORD})(?!${WORD}))`;
const PUNCT = '[!"#$%\'()*+,\\-.\\/:;<=>?@[\\\\\\]^_`{|}~]';
const CLOSE = '[^ \\\\\\t\\r\\n[{(\\-]';

/** A capture group's text, or a quote kind: `lquote`/`rquote` + the group holding the quote. */
type Substitution = number | string;

// kramdown's SQ_RULES, in its order (the first that matches at the pointer is taken).
const RULES: Array<[RegExp, Substitution[]]> = [
  [new RegExp(`(["'])(?=[_*]{1,2}${NS})`, 'u'), ['lquote1']],
  [new RegExp(`(["'])(?=${PUNCT}(?!\\.\\.)${NON_BOUNDARY})`, 'u'), ['rquote1']],
  // Double sets of quotes: He said, "'Quoted' words in a larger quote."
  [new RegExp(`(${S}?)"'(?=\\w)`, 'u'), [1, 'ldquo', 'lsquo']],
  [new RegExp(`(${S}?)'"(?=\\w)`, 'u'), [1, 'lsquo', 'ldquo']],
  // Decade abbreviations: the '80s
  [new RegExp(`(${S}?)'(?=\\d\\ds)`, 'u'), [1, 'rsquo']],
  [new RegExp(`(${S})(['"])(?=\\w)`, 'u'), [1, 'lquote2']],
  [new RegExp(`(${CLOSE})(['"])`, 'u'), [1, 'rquote2']],
  // "<i>Custer</i>'s Last Stand."
  [new RegExp(`(["'])(?=${S}|s(?!${WORD})|\\n|(?![\\s\\S]))`, 'u'), ['rquote1']],
  [/([\s\S]?)'/u, [1, 'lsquo']],
  [/([\s\S]?)"/u, [1, 'ldquo']],
];

const QUOTES: Record<string, string> = {
  'lquote"': 'ldquo',
  "lquote'": 'lsquo',
  'rquote"': 'rdquo',
  "rquote'": 'rsquo',
};

const SMART_QUOTES = /[^\\]?["']/u;

export const smartQuotes: Rule = {
  name: 'smart_quotes',
  start: SMART_QUOTES,
  spanStart: '[^\\\\]?["\']',
  parse(p) {
    const location = p.src.currentLineNumber();
    const substitutions = RULES.find(([re]) => p.src.scan(re) !== null)?.[1] ?? [];
    for (const substitution of substitutions) {
      if (typeof substitution === 'number') {
        p.addText(p.src.group(substitution) as string);
        continue;
      }
      const group = Number(substitution.slice(-1));
      const kind = Number.isNaN(group)
        ? undefined
        : QUOTES[`${substitution.slice(0, -1)}${p.src.group(group)}`];
      p.tree.children.push(new Element('smart_quote', kind ?? substitution, undefined, { location }));
    }
    return true;
  },
};
