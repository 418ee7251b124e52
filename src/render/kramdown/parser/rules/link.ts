/**
 * Links and images (kramdown's link): `[text](url "title")`, `[text](<url>)`, `[text][id]`,
 * `[text][]` and `[text]`, and the same after `!` for images. The url of an inline link runs to
 * the `)` that balances its `(` (spaces included) or to whitespace before a quoted title; a
 * reference is looked up in the link definitions (the BLOCK rules read them) by its normalised id,
 * and without a definition the brackets stay text. Links do not nest.
 */
import { Element, type Ial } from '../../element.ts';
import type { Scanner } from '../../scanner.ts';
import type { Closing } from '../link-closings.ts';
import type { Parser } from '../parser.ts';
import { strip } from '../ruby.ts';
import type { Rule } from '../rules.ts';
import { normalizeLinkId } from '../shared.ts';
import { ESCAPED_CHARS } from './escaped-chars.ts';
import { isSpace, mayWarnAhead } from './text-around.ts';

const LINK_START = /!?\[(?=[^^])/u;
const LINK_BRACKET_STOP = /(\])|!?\[/u;
const LINK_PAREN_STOP = /(\()|(\))|[ \t\n\v\f\r](?=['"])/u;
const LINK_INLINE_ID = /[ \t\n\v\f\r]*?\[([^\]]+)?\]/u;
const OPEN_PAREN = /\(/u;
const CLOSE_PAREN = /\)/u;

function insideLink(p: Parser): boolean {
  const isLink = (el: Element | undefined) => el?.type === 'a' || el?.type === 'img';
  return isLink(p.tree) || p.stack.some((entry) => isLink((entry as [Element | undefined])[0]));
}

/** Completes `el` as kramdown's add_link does and adds it to the tree. */
function addLink(
  p: Parser,
  el: Element,
  href: string,
  title: string | undefined,
  altText: string,
  ial?: Ial,
): void {
  el.options.ial = ial; // kramdown sets it even to nil
  if (ial) p.updateAttrWithIal(el.attr, ial);
  if (el.type === 'a') {
    el.attr.href = href;
  } else {
    el.attr.src = href;
    el.attr.alt = altText;
    el.children = [];
  }
  if (title !== undefined) el.attr.title = title;
  p.tree.children.push(el);
}

export const link: Rule = {
  name: 'link',
  start: LINK_START,
  spanStart: '!?\\[',
  startChars: '![',
  parse(p) {
    return parseLink(p, true);
  },
};

/**
 * kramdown's parse_link. `useClosings`: a link whose text a link around it parsed already
 * (link-closings.ts) skips to where it closes; should it not give up there, it is parsed again
 * in full (its elements are needed), which a link that succeeds, and so consumes its text, does once.
 */
function parseLink(p: Parser, useClosings: boolean): boolean {
  const src = p.src;
  const linkStart = src.savePos();
  const location = src.currentLineNumber();
  const result = src.scan(LINK_START) as string;
  const textStart = src.pos;
  const saved = src.savePos();
  const type = result.startsWith('!') ? 'img' : 'a';
  if (type === 'a' && insideLink(p)) {
    p.addText(result);
    return true;
  }
  // Without a `]` ahead the text cannot end: give up at once rather than parse to the end
  // (which a page of `[` would repeat for every one). Its spans are parsed as text anyway.
  if (!src.hasAhead(']') && !mayWarnAhead(src)) {
    p.addText(result);
    return true;
  }
  const el = new Element(type, undefined, undefined, { location });
  const surroundings = p.surroundings(type);
  const known = useClosings ? p.linkClosings.find(src, surroundings, textStart) : undefined;
  const mark = p.warningLog.mark;
  const version = p.optionsVersion;

  const found = parseText(p, el, known, surroundings);
  let parsed = known;
  if (found && !known) {
    parsed = { at: src.pos, from: mark, to: p.warningLog.mark };
    p.linkClosings.record(src, surroundings, textStart, parsed);
  }
  // Skipped to its closing, a link that does not give up is parsed for its elements.
  const succeed = (href: string, title: string | undefined, ial?: Ial): boolean => {
    if (known) {
      src.revertPos(linkStart);
      p.warningLog.truncate(mark);
      return parseLink(p, false);
    }
    addLink(p, el, href, title, altText(), ial);
    return true;
  };
  const giveUp = () => {
    if (parsed && readAgain(p, type, parsed, version)) return true;
    src.revertPos(saved);
    p.addText(result);
    return true;
  };
  if (!found) return giveUp();
  const textEnd = src.pos;
  // Made only when used: in a page of nested links, each is as long as the page.
  const altText = () => src.string.slice(textStart, textEnd).replace(ESCAPED_CHARS, '$1');
  src.scan(LINK_BRACKET_STOP);

  // A reference: `[text][id]`, `[text][]` or `[text]`.
  if (src.scan(LINK_INLINE_ID) !== null || src.check(OPEN_PAREN) === null) {
    const explicitId = src.group(1);
    const id = () => normalizeLinkId(explicitId ?? altText());
    const definition =
      explicitId !== undefined || mayBeDefined(p, textStart, textEnd) ? p.linkDefs.get(id()) : undefined;
    if (definition) return succeed(definition[0], definition[1], definition[2]?.options.ial);
    if (explicitId === undefined)
      p.warning(() => `No link definition for link ID '${id()}' found on line ${location}`);
    return giveUp();
  }

  // Every inline form ends in a `)`: without one ahead, no url scan to the end (as above).
  if (!src.hasAhead(')')) return giveUp();
  let url: string;
  const angled = angleUrl(src);
  if (angled !== undefined) {
    url = angled;
    if (src.scan(CLOSE_PAREN) !== null) return succeed(url, undefined);
  } else {
    const from = src.pos;
    const { end, balanced } = urlEnd(src, from);
    src.setPos(end);
    url = strip(src.string.slice(from + 1, end - 1));
    if (balanced) return succeed(url, undefined);
  }

  const title = scanTitle(src);
  if (title !== undefined) return succeed(url, title);
  return giveUp();
}

/**
 * An image that gives up directly in the text of an image around it: kramdown reads its text
 * again there, from just after its `![`, and that parse is the one the image just made (the same
 * text, spans open, text type and options). So the outer image takes its result instead: the same
 * warnings and the pointer at the inner image's `]`. Its children are not needed: an image drops
 * its own, the inner text's brackets and images leave the outer one's need of closings as it was,
 * and from that `]` the parse goes the same whatever the last child is (the `]` is added as text
 * first). Nested images cost linear work (exponential in kramdown).
 */
function readAgain(p: Parser, type: Element['type'], parsed: Closing, version: number): boolean {
  // `{::options /}` in the text changed how kramdown's second reading of it goes from its start.
  if (type !== 'img' || p.tree.type !== 'img' || p.optionsVersion !== version) return false;
  p.addText('![');
  p.src.setPos(parsed.at);
  p.warningLog.repeat(parsed.from, parsed.to);
  return true;
}

/**
 * Parses a link's text into `el` up to the `]` that balances its `[` (whether found), or skips
 * there when `known`. An image inside has taken its own `]`; children are only added, so the
 * images among them are counted once each, as they come.
 */
function parseText(p: Parser, el: Element, known: Closing | undefined, surroundings: string): boolean {
  const src = p.src;
  if (known) {
    src.setPos(known.at);
    p.warningLog.repeat(known.from, known.to);
    return true;
  }
  let count = 1;
  let images = 0;
  let counted = 0;
  const unbalanced = () => {
    for (; counted < el.children.length; counted++) {
      if (el.children[counted]?.type === 'img') images++;
    }
    return count - images;
  };
  // In a link's text, a `[` is text: the parse after it is the one a link there would make.
  const version = p.optionsVersion;
  const watch =
    el.type === 'a' ? p.linkClosings.watch(src, surroundings, () => p.optionsVersion === version) : undefined;
  return p.parseSpans(
    el,
    LINK_BRACKET_STOP,
    undefined,
    undefined,
    () => {
      count += src.group(1) !== undefined ? -1 : 1;
      const need = unbalanced();
      watch?.bracket(src.pos, src.matched === '[', need);
      return need === 0;
    },
    { name: el.type, need: unbalanced },
  );
}

/** Where an url scan from a `(` ends (after its last stop) and whether its `)` was found. */
interface UrlEnd {
  end: number;
  balanced: boolean;
}

/** Url scans of a text, by the `(` they start at: a page of `[a](b` repeats none. */
const urlEnds = (): Map<number, UrlEnd> => new Map();

/**
 * The url of `(url)` runs to the `)` that balances the `(`, or to whitespace before a quote, or
 * (neither found) to the last `(` or `)`. Each `(` passed is recorded with where its own scan
 * ends: a nested `(` already scanned is skipped to its end, so each text is scanned once.
 */
function urlEnd(src: Scanner, from: number): UrlEnd {
  const known = src.memo(urlEnds);
  const done = known.get(from);
  if (done) return done;
  // The `(`s whose scans are under way, the outermost (`from`) first.
  const open: number[] = [];
  const endAll = (end: UrlEnd) => {
    for (const start of open) known.set(start, end);
    return end;
  };
  src.setPos(from);
  for (;;) {
    if (src.scanUntil(LINK_PAREN_STOP) === null) return endAll({ end: src.pos, balanced: false });
    const at = src.pos - src.matched.length;
    if (src.group(1) !== undefined) {
      const inner = open.length > 0 ? known.get(at) : undefined;
      if (inner && !inner.balanced) return endAll(inner);
      if (inner) src.setPos(inner.end);
      else open.push(at);
    } else if (src.group(2) !== undefined) {
      const closed = open.pop() as number;
      known.set(closed, { end: src.pos, balanced: true });
      if (open.length === 0) return known.get(from) as UrlEnd;
    } else {
      return endAll({ end: src.pos, balanced: false });
    }
  }
}

/** `(<url>`: the url to the first `>` on the line (kramdown's regexp, without scanning each line again). */
function angleUrl(src: Scanner): string | undefined {
  const text = src.string;
  const at = src.pos;
  if (text.charCodeAt(at) !== 40 || text.charCodeAt(at + 1) !== 60) return undefined; // `(<`
  const close = nextIndex(src, '>', at + 2);
  if (close === -1) return undefined;
  const newline = nextIndex(src, '\n', at + 2);
  if (newline !== -1 && newline < close) return undefined;
  src.setPos(close + 1);
  return text.slice(at + 2, close);
}

/** Where a look for each character from an earlier place found it in a text: none lies in between. */
const nextFound = (): Map<string, [from: number, found: number]> => new Map();

/** The next index of `char` from `from` on (or -1): searched again only past the last one found. */
function nextIndex(src: Scanner, char: string, from: number): number {
  const byChar = src.memo(nextFound);
  const last = byChar.get(char);
  if (last && from >= last[0] && (last[1] === -1 || from <= last[1])) return last[1];
  const found = src.string.indexOf(char, from);
  byChar.set(char, [from, found]);
  return found;
}

/**
 * `"title")` or `'title')` (kramdown's /\s*?(["'])(.+?)\1\s*?\)/m): after any whitespace a quote,
 * the title, and the first same quote (not the first character) followed by whitespace and `)`.
 * Those places are found once per text: a page of `[a](b "x` scanned to its end for each.
 */
function scanTitle(src: Scanner): string | undefined {
  const text = src.string;
  let at = src.pos;
  while (isSpace(text[at])) at++;
  const quote = text[at];
  if (quote !== '"' && quote !== "'") return undefined;
  const ends = src.memo(titleEnds)[quote === '"' ? 0 : 1];
  // The first end from at + 2 on, by bisection.
  let low = 0;
  let high = ends.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((ends[middle] as number) < at + 2) low = middle + 1;
    else high = middle;
  }
  const end = ends[low];
  if (end === undefined) return undefined;
  let close = end + 1;
  while (text[close] !== ')') close++;
  src.setPos(close + 1);
  return text.slice(at + 1, end);
}

/** Where in a text a `"` and where a `'` is followed by whitespace and `)`, in order. */
function titleEnds(src: Scanner): [number[], number[]] {
  const ends: [number[], number[]] = [[], []];
  const text = src.string;
  // Swept from the end: whether the next character that is not whitespace is a `)`.
  let closes = false;
  for (let i = text.length - 1; i >= 0; i--) {
    const char = text[i];
    if (closes && char === '"') ends[0].push(i);
    else if (closes && char === "'") ends[1].push(i);
    if (!isSpace(char)) closes = char === ')';
  }
  ends[0].reverse();
  ends[1].reverse();
  return ends;
}

/**
 * Whether a link definition may have the id the text from..to makes. An id keeps each character
 * but whitespace and escaping backslashes, and lowercasing never shortens one: a text with more
 * of them than the longest id has no definition, and a page of nested links makes no ids as long
 * as the page to find that out.
 */
function mayBeDefined(p: Parser, from: number, to: number): boolean {
  if (p.linkDefs.size === 0) return false;
  const longest = longestIdOf(p.linkDefs);
  if (to - from <= longest) return true;
  const kept = p.src.memo(keptCounts);
  return (kept[to] as number) - (kept[from] as number) <= longest;
}

const LONGEST_IDS = new WeakMap<Parser['linkDefs'], { size: number; longest: number }>();

/** The longest id defined (definitions are only added, so their number says when to look again). */
function longestIdOf(defs: Parser['linkDefs']): number {
  let known = LONGEST_IDS.get(defs);
  if (!known || known.size !== defs.size) {
    let longest = 0;
    for (const id of defs.keys()) longest = Math.max(longest, id.length);
    known = { size: defs.size, longest };
    LONGEST_IDS.set(defs, known);
  }
  return known.longest;
}

/** How many characters of a text before each index are neither whitespace nor a backslash. */
function keptCounts(src: Scanner): Uint32Array {
  const text = src.string;
  const counts = new Uint32Array(text.length + 1);
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    counts[i + 1] = (counts[i] as number) + (isSpace(char) || char === '\\' ? 0 : 1);
  }
  return counts;
}
