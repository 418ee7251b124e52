/**
 * HTML in Markdown (kramdown's parser/kramdown/html.rb): block HTML, a tag at a line's start that
 * is not a span element, and span HTML, a tag in running text. Raw HTML is read into
 * `html_element`s by html-parser.ts; these rules decide how each element's content is read
 * (its content model) from the element, the `markdown` attribute and the parse_block_html /
 * parse_span_html options.
 *
 * Options set for the converter: `category` (block or span), `content_model` (block, span or
 * raw), `is_closed` (block: no body, written `<x/>` or void; span: written `<x/>`).
 */
import { Element } from '../../element.ts';
import {
  type ContentModel,
  contentModelOf,
  endTagAhead,
  HTML_BLOCK_ELEMENTS,
  HTML_BLOCK_TAG_CLOSE_RE,
  HTML_BLOCK_TAG_RE,
  HTML_COMMENT_RE,
  HTML_ELEMENTS_WITHOUT_BODY,
  HTML_SPAN_ELEMENTS,
  HTML_TAG_CLOSE_RE,
  HTML_TAG_RE,
  handleHtmlStartTag,
  isHtmlElement,
  parseHtmlAttributes,
  parseRawHtml,
  type StartTagHandler,
  startTagOf,
  tagName,
  UNAME,
} from '../html-parser.ts';
import type { Parser } from '../parser.ts';
import { downcase, S } from '../ruby.ts';
import type { Rule } from '../rules.ts';
import { StopBlockParsing } from '../shared.ts';

/** The `markdown` attribute's values: "1" is the element's own content model. */
const MARKDOWN_ATTRIBUTE: Record<string, ContentModel | 'default'> = {
  0: 'raw',
  1: 'default',
  span: 'span',
  block: 'block',
};

/** The `markdown` attribute's meaning, and the attribute removed (whatever its value). */
function takeMarkdownAttribute(attr: Record<string, string>): ContentModel | 'default' | undefined {
  if (!Object.hasOwn(attr, 'markdown')) return undefined;
  const value = attr.markdown as string;
  delete attr.markdown;
  return Object.hasOwn(MARKDOWN_ATTRIBUTE, value) ? MARKDOWN_ATTRIBUTE[value] : undefined;
}

const TRAILING_WHITESPACE = /[ \t]*\n/;

function isRawHtmlElement(el: Element): boolean {
  return el.type === 'html_element' && el.options.content_model === 'raw';
}

/**
 * Reads the body of a block-level element by its content model (kramdown's
 * handle_kramdown_html_tag): block content as Markdown blocks, span content as text for the span
 * parser, raw content as more HTML. Inside a raw element everything is raw unless the `markdown`
 * attribute says otherwise.
 */
const handleKramdownHtmlTag: StartTagHandler = (p, el, closed, handleBody) => {
  if (p.blockIal) {
    el.options.ial = p.blockIal;
    p.blockIal = undefined;
  }
  const name = el.value as string;
  let contentModel: ContentModel = 'raw';
  if (!isRawHtmlElement(p.tree) && p.options.parse_block_html) contentModel = contentModelOf(name);
  const asked = takeMarkdownAttribute(el.attr);
  if (asked) contentModel = asked === 'default' ? contentModelOf(name) : asked;

  if (contentModel === 'block') p.src.scan(TRAILING_WHITESPACE);
  el.options.content_model = contentModel;
  el.options.is_closed = closed;
  if (closed || !handleBody) return;

  if (contentModel === 'block') {
    if (!p.parseBlocks(el)) {
      p.warning(`Found no end tag for '${name}' (line ${el.options.location}) - auto-closing it`);
    }
  } else if (contentModel === 'span') {
    const start = p.src.pos;
    if (p.src.scanUntil(endTagAhead(name)) !== null) {
      p.addText(p.src.string.slice(start, p.src.pos), el);
      p.src.scan(HTML_TAG_CLOSE_RE);
    } else {
      p.addText(p.src.rest(), el);
      p.src.terminate();
      p.warning(`Found no end tag for '${name}' (line ${el.options.location}) - auto-closing it`);
    }
  } else {
    parseRawHtml(p, el, handleKramdownHtmlTag);
  }
  if (!isRawHtmlElement(p.tree)) p.src.scan(TRAILING_WHITESPACE);
};

/**
 * A comment, or a tag that is not a span element, at a line's start (up to three spaces before
 * a tag; none before a comment). The end tag of the element being parsed as blocks ends it.
 */
export const blockHtml: Rule = {
  name: 'block_html',
  start: new RegExp(` {0,3}<(?:${UNAME}|!--|\\/)`, 'u'),
  parse(p) {
    const line = p.src.currentLineNumber();
    const comment = p.src.scan(HTML_COMMENT_RE);
    if (comment !== null) {
      p.tree.children.push(
        new Element('xml_comment', comment, undefined, { category: 'block', location: line }),
      );
      p.src.scan(TRAILING_WHITESPACE);
      return true;
    }
    const start = p.src.check(HTML_BLOCK_TAG_RE);
    if (start !== null) {
      const tag = startTagOf(p.src.last as RegExpExecArray);
      if (HTML_SPAN_ELEMENTS.has(downcase(tag.name))) return false;
      p.src.setPos(p.src.pos + start.length);
      handleHtmlStartTag(p, tag, line, handleKramdownHtmlTag);
      return true;
    }
    const end = p.src.check(HTML_BLOCK_TAG_CLOSE_RE);
    if (end !== null) {
      const name = downcase(p.src.group(1) ?? '');
      if (HTML_SPAN_ELEMENTS.has(name)) return false;
      if (p.tree.type === 'html_element' && p.tree.value === name) {
        p.src.setPos(p.src.pos + end.length);
        throw new StopBlockParsing('found');
      }
    }
    return false;
  },
};

/** Ends a span element; matched in any case for elements kramdown knows. */
const spanEndTags = new Map<string, RegExp>();

function spanEndTagOf(name: string): RegExp {
  let re = spanEndTags.get(name);
  if (!re) {
    // Names hold letters, digits and `_-.:`, of which only `.` needs escaping.
    const flags = isHtmlElement(name) ? 'iu' : 'u';
    re = new RegExp(`<\\/${name.replaceAll('.', '\\.')}${S}*>`, flags);
    spanEndTags.set(name, re);
  }
  return re;
}

/**
 * A comment, end tag or start tag in running text. An end tag here closes nothing and stays
 * text; so does the tag of a block element. A span element's content is parsed as spans (with
 * parse_span_html, or markdown="1"/"span") or else as text and nested HTML only, up to its end
 * tag; without one it takes the rest of the text.
 */
export const spanHtml: Rule = {
  name: 'span_html',
  start: new RegExp(`<(?:${UNAME}|!--|\\/)`, 'u'),
  spanStart: '<',
  startChars: '<',
  parse(p) {
    const line = p.src.currentLineNumber();
    const comment = p.src.scan(HTML_COMMENT_RE);
    if (comment !== null) {
      p.tree.children.push(
        new Element('xml_comment', comment, undefined, { category: 'span', location: line }),
      );
      return true;
    }
    const endTag = p.src.scan(HTML_TAG_CLOSE_RE);
    if (endTag !== null) {
      p.warning(`Found invalidly used HTML closing tag for '${p.src.group(1)}' on line ${line}`);
      p.addText(endTag);
      return true;
    }
    const startTag = p.src.scan(HTML_TAG_RE);
    if (startTag !== null) {
      parseSpanElement(p, startTag, line);
    } else {
      p.addText(p.src.getch());
    }
    return true;
  },
};

function parseSpanElement(p: Parser, matched: string, line: number): void {
  const tag = startTagOf(p.src.last as RegExpExecArray);
  const name = tagName(tag.name);
  if (HTML_BLOCK_ELEMENTS.has(name)) {
    p.warning(`Found block HTML tag '${name}' in span-level text on line ${line}`);
    p.addText(matched);
    return;
  }
  const attrs = parseHtmlAttributes(p, tag.attributes, line, isHtmlElement(name));
  for (const [key, value] of Object.entries(attrs)) attrs[key] = value.replace(/\n+/g, ' ');

  let parseContent =
    contentModelOf(name) === 'raw' || p.tree.options.content_model === 'raw'
      ? false
      : p.options.parse_span_html;
  const asked = takeMarkdownAttribute(attrs);
  if (asked === 'block') {
    p.warning(`Cannot use block-level parsing in span-level HTML tag (line ${line}) - using default mode`);
  } else if (asked === 'span') {
    parseContent = true;
  } else if (asked === 'default') {
    parseContent = contentModelOf(name) !== 'raw';
  } else if (asked === 'raw') {
    parseContent = false;
  }

  const el = new Element('html_element', name, attrs, {
    category: 'span',
    location: line,
    content_model: parseContent ? 'span' : 'raw',
    is_closed: tag.selfClosed,
  });
  p.tree.children.push(el);
  if (tag.selfClosed || HTML_ELEMENTS_WITHOUT_BODY.has(name)) return;
  const endTag = spanEndTagOf(name);
  if (p.parseSpans(el, endTag, parseContent ? undefined : [spanHtml])) {
    p.src.scan(endTag);
  } else {
    p.warning(`Found no end tag for '${name}' (line ${line}) - auto-closing it`);
    p.addText(p.src.rest(), el);
    p.src.terminate();
  }
}
