/**
 * kramdown's HTML parsing (Kramdown::Parser::Html::Constants and ::Parser): the regexps that
 * recognise tags, attributes, comments and processing instructions, the content model tables,
 * and parse_raw_html, which reads raw HTML into `html_element`s the way kramdown does — end tags
 * that close nothing become text, elements left open are closed at the end, a `<` that starts no
 * tag is text. The Markdown rules that use it (block_html, span_html) are in rules/html.ts.
 *
 * kramdown's ElementConverter (HTML → native elements) is not here: it only runs with
 * `html_to_native`, which Jekyll leaves off.
 *
 * Ruby's regexps are ported with care (see ruby.ts): `\s` is ASCII whitespace in Ruby,
 * `[[:alpha:]]`/`\p{Word}` are Unicode, `.` under Ruby's /m matches newlines, and the
 * atomic groups `(?>…)` become `(?=(…))\N`.
 */
import { Element, type ElementOptions } from '../element.ts';
import type { Parser } from './parser.ts';
import { ALNUM, ALPHA, downcase, S } from './ruby.ts';

const NAME_START = `[${ALPHA}_]`;
const NAME_CHAR = `[\\-${ALNUM}._]`;
/** Ruby's `\p{Word}`. */
const WORD = '[\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}\\p{Join_Control}]';

/** An XML name with an optional namespace prefix (REXML's UNAME_STR); valid under the `u` flag. */
export const UNAME = `(?:${NAME_START}${NAME_CHAR}*:)?${NAME_START}${NAME_CHAR}*`;

export const HTML_COMMENT_RE = /<!--([\s\S]*?)-->/u;
export const HTML_INSTRUCTION_RE = /<\?([\s\S]*?)\?>/u;
const HTML_ATTRIBUTE_RE = new RegExp(
  `${S}*(${UNAME})(?:${S}*=${S}*(?:(${WORD}+)|(["'])([\\s\\S]*?)\\3))?`,
  'gu',
);
/**
 * A start tag. Groups: 1 name, 2 the attributes' text, 5 the `/` of `<x/>`. Each attribute is
 * matched atomically, as in kramdown: once one is read, no other reading of it is tried.
 */
const HTML_TAG_SOURCE = `<(?=(${UNAME}))\\1${S}*((?:(?=(${S}+${UNAME}(?:${S}*=${S}*(?:${WORD}+|(["'])[\\s\\S]*?\\4))?))\\3)*)${S}*(\\/)?>`;
export const HTML_TAG_RE = new RegExp(HTML_TAG_SOURCE, 'u');
/** A start tag after up to three spaces, at a line's start (block HTML). */
export const HTML_BLOCK_TAG_RE = new RegExp(` {0,3}${HTML_TAG_SOURCE}`, 'u');
/** An end tag. Group 1: the name. */
export const HTML_TAG_CLOSE_RE = new RegExp(`<\\/(${UNAME})${S}*>`, 'u');
export const HTML_BLOCK_TAG_CLOSE_RE = new RegExp(` {0,3}<\\/(${UNAME})${S}*>`, 'u');
const HTML_RAW_START = new RegExp(`(?=<(?:${UNAME}|\\/|!--|\\?))`, 'u');

export type ContentModel = 'block' | 'span' | 'raw';

/** A list of names written as kramdown writes it (Ruby's %w[…]). */
function words(text: string): string[] {
  return text.split(' ');
}

const CONTENT_MODEL_BLOCK = words(
  'address applet article aside blockquote body dd details div dl fieldset figure figcaption ' +
    'footer form header hgroup iframe li main map menu nav noscript object section summary td',
);
const CONTENT_MODEL_SPAN = words(
  'a abbr acronym b bdo big button cite caption del dfn dt em h1 h2 h3 h4 h5 h6 i ins label ' +
    'legend optgroup p q rb rbc rp rt rtc ruby select small span strong sub sup th tt',
);
// colgroup, table, tbody, thead, tfoot, tr, ul and ol are raw too: their children cannot be
// written in kramdown syntax.
const CONTENT_MODEL_RAW = words('script style math option textarea pre code kbd samp var');

const CONTENT_MODEL = new Map<string, ContentModel>([
  ...CONTENT_MODEL_BLOCK.map((name) => [name, 'block'] as const),
  ...CONTENT_MODEL_SPAN.map((name) => [name, 'span'] as const),
  ...CONTENT_MODEL_RAW.map((name) => [name, 'raw'] as const),
]);

/** How kramdown parses an element's content when asked to parse it (HTML_CONTENT_MODEL; raw for unknown names). */
export function contentModelOf(name: string): ContentModel {
  return CONTENT_MODEL.get(name) ?? 'raw';
}

/** Elements that may only appear in running text (script and textarea are in neither list). */
export const HTML_SPAN_ELEMENTS = new Set(
  words(
    'a abbr acronym b big bdo br button cite code del dfn em i img input ins kbd label mark ' +
      'option q rb rbc rp rt rtc ruby samp select small span strong sub sup tt u var',
  ),
);
export const HTML_BLOCK_ELEMENTS = new Set(
  words(
    'address article aside applet body blockquote caption col colgroup dd div dl dt fieldset ' +
      'figcaption footer form h1 h2 h3 h4 h5 h6 header hgroup hr html head iframe legend menu li ' +
      'main map nav ol optgroup p pre section summary table tbody td th thead tfoot tr ul',
  ),
);
/** Void elements: never have content or an end tag. */
export const HTML_ELEMENTS_WITHOUT_BODY = new Set(
  words('area base br col command embed hr img input keygen link meta param source track wbr'),
);

const KNOWN_ELEMENTS = new Set([
  ...HTML_SPAN_ELEMENTS,
  ...HTML_BLOCK_ELEMENTS,
  ...HTML_ELEMENTS_WITHOUT_BODY,
  ...CONTENT_MODEL.keys(),
]);

/** Whether kramdown knows the element (HTML_ELEMENT): its name and attribute names are then lower-cased. */
export function isHtmlElement(name: string): boolean {
  return KNOWN_ELEMENTS.has(name);
}

/** A known element's name in lower case; an unknown one's as written. */
export function tagName(written: string): string {
  const lower = downcase(written);
  return KNOWN_ELEMENTS.has(lower) ? lower : written;
}

/** A start tag as matched by HTML_TAG_RE / HTML_BLOCK_TAG_RE. */
export interface StartTag {
  /** As written; see tagName. */
  name: string;
  attributes: string;
  /** Written as `<x/>`. */
  selfClosed: boolean;
}

export function startTagOf(match: RegExpExecArray): StartTag {
  return { name: match[1] ?? '', attributes: match[2] ?? '', selfClosed: match[5] !== undefined };
}

/**
 * The attributes of a tag, in order (kramdown's parse_html_attributes). Names are lower-cased in
 * known elements; a value may be unquoted (word characters only) or missing (""); a repeated
 * attribute replaces the earlier one, with a warning.
 */
export function parseHtmlAttributes(
  p: Parser,
  text: string,
  line: number | undefined,
  inHtmlTag = true,
): Record<string, string> {
  if (text === '') return {};
  const attrs = new Map<string, string>();
  HTML_ATTRIBUTE_RE.lastIndex = 0;
  for (;;) {
    const m = HTML_ATTRIBUTE_RE.exec(text);
    if (!m) break;
    const name = inHtmlTag ? downcase(m[1] ?? '') : (m[1] ?? '');
    if (attrs.has(name)) {
      p.warning(`Duplicate HTML attribute '${name}' on line ${line ?? '?'} - overwriting previous one`);
    }
    attrs.set(name, m[2] ?? m[4] ?? '');
  }
  // fromEntries defines own properties, so even an attribute named __proto__ stays an attribute.
  return Object.fromEntries(attrs);
}

/**
 * What the caller does with a start tag once its element is in the tree: `closed` when it has no
 * body (void or `<x/>`), `handleBody` false when the body was already read (script, style).
 */
export type StartTagHandler = (p: Parser, el: Element, closed: boolean, handleBody: boolean) => void;

/**
 * Adds the element of the start tag just scanned to the tree and hands it to `handler`
 * (kramdown's handle_html_start_tag). A script or style takes everything up to its end tag as
 * raw text, even when written `<script … />`.
 */
export function handleHtmlStartTag(p: Parser, tag: StartTag, line: number, handler: StartTagHandler): void {
  const name = tagName(tag.name);
  const attrs = parseHtmlAttributes(p, tag.attributes, line, isHtmlElement(name));
  const el = new Element('html_element', name, attrs, { category: 'block', location: line });
  p.tree.children.push(el);
  const closed = tag.selfClosed || HTML_ELEMENTS_WITHOUT_BODY.has(name);
  if (name === 'script' || name === 'style') {
    handleRawHtmlTag(p, name);
    handler(p, el, false, false);
  } else {
    handler(p, el, closed, true);
  }
}

/** Everything up to `</name>` as one raw text, then past the end tag (kramdown's handle_raw_html_tag). */
function handleRawHtmlTag(p: Parser, name: string): void {
  const el = p.tree.children[p.tree.children.length - 1] as Element;
  const start = p.src.pos;
  if (p.src.scanUntil(endTagAhead(name)) !== null) {
    appendText(el, p.src.string.slice(start, p.src.pos), 'raw');
    p.src.scan(HTML_TAG_CLOSE_RE);
  } else {
    appendText(el, p.src.rest(), 'raw');
    p.src.terminate();
    p.warning(`Found no end tag for '${name}' - auto-closing it`);
  }
}

const endTagsAhead = new Map<string, RegExp>();

/**
 * Finds the end tag of `name`, in any case (kramdown's `/(?=<\/#{name}\s*>)/mi`; the name is not
 * escaped there, so a `.` in it matches any character here too).
 */
export function endTagAhead(name: string): RegExp {
  let re = endTagsAhead.get(name);
  if (!re) {
    re = new RegExp(`(?=<\\/${name}${S}*>)`, 'iu');
    endTagsAhead.set(name, re);
  }
  return re;
}

/**
 * Reads raw HTML from the scan pointer into `el` until the end tag of `el` or the end of the
 * source (kramdown's parse_raw_html). Text between tags is `text`; comments and processing
 * instructions are `xml_comment`/`xml_pi`; each start tag goes to `handler`; an end tag that does
 * not close `el` is kept as text, with a warning; a `<` that starts nothing is text.
 */
export function parseRawHtml(p: Parser, el: Element, handler: StartTagHandler): void {
  p.enter('HTML elements');
  p.stack.push(p.tree);
  p.tree = el;
  let done = false;
  while (!p.src.eos() && !done) {
    const before = p.src.scanUntil(HTML_RAW_START);
    if (before === null) {
      appendText(p.tree, p.src.rest(), 'text');
      p.src.terminate();
      if (p.tree.type === 'html_element') {
        p.warning(
          `Found no end tag for '${p.tree.value}' on line ${p.tree.options.location} - auto-closing it`,
        );
      }
      break;
    }
    appendText(p.tree, before, 'text');
    const line = p.src.currentLineNumber();
    const comment = p.src.scan(HTML_COMMENT_RE);
    const instruction = comment === null ? p.src.scan(HTML_INSTRUCTION_RE) : null;
    if (comment !== null || instruction !== null) {
      const type = comment !== null ? 'xml_comment' : 'xml_pi';
      p.tree.children.push(
        new Element(type, comment ?? instruction, undefined, { category: 'block', location: line }),
      );
    } else if (p.src.scan(HTML_TAG_RE) !== null) {
      handleHtmlStartTag(p, startTagOf(p.src.last as RegExpExecArray), line, handler);
    } else if (p.src.scan(HTML_TAG_CLOSE_RE) !== null) {
      const written = p.src.group(1) ?? '';
      const value = p.tree.value as string;
      if (value === (isHtmlElement(value) ? downcase(written) : written)) {
        done = true;
      } else {
        appendText(p.tree, p.src.matched, 'text');
        p.warning(`Found invalidly used HTML closing tag for '${written}' on line ${line} - ignoring it`);
      }
    } else {
      appendText(p.tree, p.src.getch(), 'text');
    }
  }
  p.tree = p.stack.pop() as Element;
  p.leave('HTML elements');
}

/**
 * kramdown's add_text with an explicit type: onto the last child when it has that type, else as
 * a new child. The parser's own addText takes only the types of its text mode; raw HTML adds
 * `text` and `raw` too.
 */
export function appendText(tree: Element, text: string, type: 'text' | 'raw'): void {
  const last = tree.children[tree.children.length - 1];
  if (last && last.type === type) {
    last.value = last.text + text;
  } else if (text !== '') {
    const options: ElementOptions = { location: last?.options.location ?? tree.options.location };
    tree.children.push(new Element(type, text, undefined, options));
  }
}
