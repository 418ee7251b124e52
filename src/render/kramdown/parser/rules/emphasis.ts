/**
 * Emphasis (kramdown's emphasis): `*em*`, `_em_`, `**strong**`, `__strong__`. kramdown's own
 * rules, not CommonMark's: no delimiter runs. An opening delimiter must not be followed by
 * whitespace; `_` must not follow a letter (or a letter and a hyphen); a closing one must not
 * follow whitespace, must close something, and `_` must not be followed by a letter or digit.
 * em and strong do not nest in themselves; a `**` that finds no closing `**` is tried as `*` em.
 */
import { Element } from '../../element.ts';
import type { Scanner } from '../../scanner.ts';
import type { Parser } from '../parser.ts';
import { ALNUM } from '../ruby.ts';
import type { Rule } from '../rules.ts';
import { charBefore, isSpace, mayWarnAhead } from './text-around.ts';

const EMPHASIS_START = /\*\*?|__?/u;
const SPACE_AT = /[ \t\n\v\f\r]/u;
const ALPHA = /^\p{Alphabetic}$/u;

/** Per delimiter: the stop, an em's closing that is really a strong's, and a `_` closing inside a word. */
interface Delimiter {
  stop: RegExp;
  double: RegExp;
  beforeAlnum: RegExp;
}

const delimiters = new Map<string, Delimiter>(
  ['*', '**', '_', '__'].map((delim) => {
    const escaped = delim.replace(/\*/g, '\\*');
    return [
      delim,
      {
        stop: new RegExp(escaped, 'u'),
        double: new RegExp(`${escaped}${escaped}(?!${escaped})`, 'uy'),
        beforeAlnum: new RegExp(`${escaped}[${ALNUM}]`, 'uy'),
      },
    ];
  }),
);

/** Per text: where the last delimiter that could close each kind of emphasis stands. */
const lastClosings = (): Map<string, number> => new Map();

/**
 * Whether a delimiter that could close `elem` stands at or after the pointer, by the tests the
 * closing must pass that need nothing but the text: no whitespace before it (nor before the run
 * it ends), an em's not the start of a `**`, a `_` not before a letter or digit. Without one, the emphasis cannot close,
 * and parsing its spans to the end of the text for nothing (for every opener of a page of
 * unclosed `*a`, quadratic) is skipped. The last such place is found once per text.
 */
function mayClose(src: Scanner, delim: string, elem: 'em' | 'strong', type: string): boolean {
  const byKind = src.memo(lastClosings);
  const key = `${delim}${elem}`;
  let last = byKind.get(key);
  if (last === undefined) {
    const { double, beforeAlnum } = delimiters.get(delim) as Delimiter;
    const text = src.string;
    const char = delim[0];
    const closes = (at: number) => {
      const before = charBefore(text, at);
      if (isSpace(before)) return false;
      // The second of a run that follows whitespace is never where a closing is looked for: the
      // emphasis rule takes the run's first two delimiters together, and nothing else ends there.
      if (before === char && (at < 2 || isSpace(charBefore(text, at - 1)))) return false;
      double.lastIndex = at;
      if (elem === 'em' && double.test(text)) return false;
      beforeAlnum.lastIndex = at;
      return type !== '_' || !beforeAlnum.test(text);
    };
    last = text.lastIndexOf(delim);
    while (last >= 0 && !closes(last)) last = last === 0 ? -1 : text.lastIndexOf(delim, last - 1);
    byKind.set(key, last);
  }
  return last >= src.pos;
}

/** Whether the text before `index` ends in a letter, or a letter and a hyphen (`_` is then inside a word). */
function followsWord(text: string, index: number): boolean {
  let before = charBefore(text, index);
  if (before === '-') before = charBefore(text, index - 1);
  return before !== undefined && ALPHA.test(before);
}

function isOpen(p: Parser, type: 'em' | 'strong'): boolean {
  return p.tree.type === type || p.stack.some((entry) => (entry as [Element | undefined])[0]?.type === type);
}

export const emphasis: Rule = {
  name: 'emphasis',
  start: EMPHASIS_START,
  spanStart: '\\*|_',
  startChars: '*_',
  parse(p) {
    const location = p.src.currentLineNumber();
    const saved = p.src.savePos();
    const result = p.src.scan(EMPHASIS_START) as string;
    const element = result.length === 2 ? 'strong' : 'em';
    const type = result[0] as string;
    if (
      (type === '_' && followsWord(p.src.string, p.src.pos - result.length)) ||
      p.src.check(SPACE_AT) !== null ||
      isOpen(p, element)
    ) {
      p.addText(result);
      return true;
    }

    const subParse = (delim: string, elem: 'em' | 'strong'): [boolean, Element, RegExp] => {
      const el = new Element(elem, undefined, undefined, { location });
      const { stop, double, beforeAlnum } = delimiters.get(delim) as Delimiter;
      if (!mayWarnAhead(p.src) && !mayClose(p.src, delim, elem, type)) return [false, el, stop];
      const found = p.parseSpans(
        el,
        stop,
        undefined,
        undefined,
        () =>
          !isSpace(charBefore(p.src.string, p.src.pos)) &&
          (elem !== 'em' || p.src.check(double) === null) &&
          (type !== '_' || p.src.check(beforeAlnum) === null) &&
          el.children.length > 0,
        { name: `${delim}${elem}`, need: () => 1 },
      );
      return [found, el, stop];
    };

    let [found, el, stop] = subParse(result, element);
    if (!found && element === 'strong' && p.tree.type !== 'em') {
      p.src.revertPos(saved);
      p.src.setPos(p.src.pos + 1);
      [found, el, stop] = subParse(type, 'em');
    }
    if (found) {
      p.src.scan(stop);
      p.tree.children.push(el);
    } else {
      p.src.revertPos(saved);
      p.src.setPos(p.src.pos + result.length);
      p.addText(result);
    }
    return true;
  },
};
