/**
 * kramdown's lists (parser/kramdown/list.rb): bullet and ordered lists, definition lists, and
 * kramdown-parser-gfm's task lists (`[ ]`/`[x]` at the start of an item).
 *
 * An item's content is indented by the width of its marker and the spaces after it (four when
 * the first line is empty or only an IAL); lines indented that much belong to the item, and
 * other non-blank lines too while no blank line came before them (lazy lines).
 */
import { Element } from '../../element.ts';
import { Scanner } from '../../scanner.ts';
import type { Parser } from '../parser.ts';
import { BOL, DOT, NS, rx, S } from '../ruby.ts';
import type { Rule } from '../rules.ts';
import { BLANK_LINE } from './blank-line.ts';
import { LAZY_END_HTML_START, LAZY_END_HTML_STOP } from './block-boundary.ts';
import { EOB_MARKER } from './eob.ts';
import { ALD_ANY_CHARS, ALD_ID_NAME, IAL_BLOCK, ialOf, OPT_SPACE, parseAttributeList } from './extensions.ts';
import { HR_START } from './horizontal-rule.ts';

const LIST_ITEM_IAL_SOURCE = `${BOL}${S}*(?:\\{:(?!(?:${ALD_ID_NAME})?:|\\/)(${ALD_ANY_CHARS}+)\\})${S}*`;
// Tried on one line of text, where Ruby's `^` can only match at its start: sticky (see atStart).
const LIST_ITEM_IAL = rx(LIST_ITEM_IAL_SOURCE, 'y');
const LIST_ITEM_IAL_CHECK = rx(`${BOL}(?:${LIST_ITEM_IAL_SOURCE})?${S}*\\n`, 'y');

const PATTERN_TAIL = `[\\t| ]${DOT}*?\\n`;
const LIST_START_UL_SOURCE = `${BOL}(${OPT_SPACE}[+*-])(${PATTERN_TAIL})`;
const LIST_START_OL_SOURCE = `${BOL}(${OPT_SPACE}\\d+\\.)(${PATTERN_TAIL})`;
export const LIST_START = `${LIST_START_UL_SOURCE}|${LIST_START_OL_SOURCE}`;
export const DEFINITION_LIST_START = `${BOL}(${OPT_SPACE}:)(${PATTERN_TAIL})`;
const LIST_START_UL = rx(LIST_START_UL_SOURCE);
const LIST_START_OL = rx(LIST_START_OL_SOURCE);
const LIST_START_RE = rx(LIST_START);
const LIST_START_AT = rx(LIST_START, 'y');
const DEFINITION_LIST_START_RE = rx(DEFINITION_LIST_START);
const BLANK_LINE_RE = rx(BLANK_LINE);
const EOB_MARKER_RE = rx(EOB_MARKER);

interface LinePatterns {
  /** A line indented enough to belong to the item. */
  content: RegExp;
  /** Any other non-blank line, but not an IAL or block HTML (a lazy line). */
  lazy: RegExp;
  /** The item's indentation, removed from its lines. */
  indent: RegExp;
}

const linePatterns = new Map<number, LinePatterns>();

function linePatternsFor(indentation: number): LinePatterns {
  let patterns = linePatterns.get(indentation);
  if (!patterns) {
    const tabs = Math.floor(indentation / 4);
    const spaces = indentation % 4;
    const lazyIndent = Math.min(indentation, 3);
    patterns = {
      content: rx(
        `${BOL}(?:(?:\\t| {4}){${tabs}} {${spaces}}|(?:\\t| {4}){${tabs + 1}})${DOT}*${NS}${DOT}*\\n`,
      ),
      lazy: rx(
        `(?!${BOL} {0,${lazyIndent}}(?:${IAL_BLOCK}|${LAZY_END_HTML_STOP}|${LAZY_END_HTML_START}))${DOT}*${NS}${DOT}*\\n`,
      ),
      indent: rx(`${BOL} {${indentation}}`),
    };
    linePatterns.set(indentation, patterns);
  }
  return patterns;
}

/** Where the next item of a list starts, by the indentation of its items (kramdown's fetch_pattern). */
const markerPatterns = new Map<string, RegExp>();
function markerPattern(marker: string, indentation: number): RegExp {
  const key = `${marker}${Math.min(indentation, 4)}`;
  let re = markerPatterns.get(key);
  if (!re) {
    re = rx(`${BOL}( {0,${Math.min(indentation, 4) - 1}}${marker})(${PATTERN_TAIL})`);
    markerPatterns.set(key, re);
  }
  return re;
}

const LEADING_SPACES_TAB = /^( *)(\t+)/;
const LEADING_TABS = /^(\t+)/;
const LEADING_WHITESPACE = /^[\t\n\v\f\r ]*/;

/**
 * The first line of an item or definition: its text, the item's indentation and its line patterns
 * (kramdown's parse_first_list_line). Tabs count to the next multiple of four columns.
 */
function parseFirstListLine(
  markerWidth: number,
  line: string,
): [text: string, indentation: number, patterns: LinePatterns] {
  let content = line;
  let indentation = markerWidth;
  if (atStart(LIST_ITEM_IAL_CHECK, content)) {
    indentation = 4;
  } else {
    for (;;) {
      const m = LEADING_SPACES_TAB.exec(content);
      if (!m) break;
      const [, spaces = '', tabs = ''] = m;
      const column = spaces.length + indentation;
      content = `${spaces}${' '.repeat(4 - (column % 4) + (tabs.length - 1) * 4)}${content.slice(m[0].length)}`;
    }
    indentation += (/^ */.exec(content) as RegExpExecArray)[0].length;
  }
  content = content.replace(LEADING_WHITESPACE, '');
  return [content, indentation, linePatternsFor(indentation)];
}

/** Whether sticky `re` matches at the start of `line` (Ruby's `line =~ re` when `re` begins with `^`). */
function atStart(re: RegExp, line: string): boolean {
  re.lastIndex = 0;
  return re.test(line);
}

/** The next line of an item: indented enough, or lazy when no blank line came before. */
function itemLine(src: Scanner, patterns: LinePatterns, lastIsBlank: boolean): string | null {
  return src.scan(patterns.content) ?? (lastIsBlank ? null : src.scan(patterns.lazy));
}

/** Takes an IAL at the start of an item's text into the item's options (kramdown's LIST_ITEM_IAL). */
function takeItemIal(p: Parser, item: Element, text: string): string {
  LIST_ITEM_IAL.lastIndex = 0;
  const m = LIST_ITEM_IAL.exec(text);
  if (!m) return text;
  parseAttributeList(p, m[1] as string, ialOf(item));
  return text.slice(m[0].length);
}

/** The text of an item, by chunks: a new chunk starts where a nested list does. */
type ItemChunks = string[];

// biome-ignore lint/complexity/noExcessiveLinesPerFunction: kramdown's parse_list, one method in Ruby, ported whole to read against it
function parseList(p: Parser): Element {
  const src = p.src;
  let location = src.currentLineNumber();
  const isBullet = src.check(LIST_START_UL) !== null;
  const type = isBullet ? 'ul' : 'ol';
  let listStart = isBullet ? LIST_START_UL : LIST_START_OL;
  const list = p.newBlockEl(type, undefined, undefined, { location });
  const chunks = new Map<Element, ItemChunks>();

  let item: Element | undefined;
  let current: ItemChunks = [];
  let patterns: LinePatterns | undefined;
  let indentation = 0;
  let eobFound = false;
  let nestedListFound = false;
  let lastIsBlank = false;
  while (!src.eos()) {
    location = src.currentLineNumber();
    if (lastIsBlank && src.check(HR_START) !== null) break;
    if (src.scan(EOB_MARKER_RE) !== null) {
      eobFound = true;
      break;
    }
    if (src.scan(listStart) !== null) {
      const marker = src.group(1) as string;
      list.options.first_list_marker ??= marker.trim();
      item = new Element('li', undefined, undefined, { location });
      let text: string;
      [text, indentation, patterns] = parseFirstListLine(marker.length, src.group(2) as string);
      list.children.push(item);
      text = takeItemIal(p, item, text);
      listStart = markerPattern(isBullet ? '[+*-]' : '\\d+\\.', indentation);
      nestedListFound = atStart(LIST_START_AT, text);
      lastIsBlank = false;
      current = [text];
      chunks.set(item, current);
      continue;
    }
    let line = patterns ? itemLine(src, patterns, lastIsBlank) : null;
    if (patterns && line !== null) {
      line = line.replace(LEADING_TABS, (tabs) => ' '.repeat(4 * tabs.length));
      const indented = patterns.indent.test(line);
      if (indented) line = line.replace(patterns.indent, '');
      if (!nestedListFound && indented && atStart(LIST_START_AT, line)) {
        current.push('');
        nestedListFound = true;
      } else if (nestedListFound && !indented && atStart(LIST_START_AT, line)) {
        line = ' '.repeat(indentation + 4) + line;
      }
      current[current.length - 1] += line;
      lastIsBlank = false;
      continue;
    }
    const blank = src.scan(BLANK_LINE_RE);
    if (blank === null) break;
    nestedListFound = true;
    lastIsBlank = true;
    current[current.length - 1] += blank;
  }

  p.tree.children.push(list);

  let last: Element | undefined;
  const items = list.children;
  items.forEach((it, index) => {
    const temp = new Element('temp', undefined, undefined, { location: it.options.location });
    const env = p.saveEnv();
    let at = it.options.location ?? 1;
    for (const text of chunks.get(it) ?? []) {
      p.src = new Scanner(text, at);
      p.parseBlocks(temp);
      at = p.src.currentLineNumber();
    }
    p.restoreEnv(env);
    it.children = temp.children;

    const children = it.children;
    if (children.length === 0) return;
    const first = children[0] as Element;
    // An end-of-block marker that a block IAL put after the first paragraph does not count.
    if (first.type === 'p' && children.length >= 2 && children[1]?.type === 'eob' && first.options.ial) {
      children.splice(1, 1);
    }
    const isLast = index === items.length - 1;
    if (
      first.type === 'p' &&
      (children.length < 2 ||
        children[1]?.type !== 'blank' ||
        (isLast && children.length === 2 && !eobFound)) &&
      (!isLast ||
        items.length === 1 ||
        items.slice(0, -1).some((other) => {
          const otherFirst = other.children[0];
          return otherFirst?.type !== 'p' || otherFirst.options.transparent;
        }))
    ) {
      if (children.length > 1 && children[1]?.type !== 'blank') {
        const text = first.children[0] as Element;
        text.value = `${text.text}\n`;
      }
      first.options.transparent = true;
    }
    last = children[children.length - 1]?.type === 'blank' ? children.pop() : undefined;
  });

  if (last && !eobFound) p.tree.children.push(last);
  return list;
}

const TASK_UNCHECKED = /^[\t\n\v\f\r ]*\[ \][\t\n\v\f\r ]+/;
const TASK_CHECKED = /^[\t\n\v\f\r ]*\[x\][\t\n\v\f\r ]+/i;
const BOX_UNCHECKED = '<input type="checkbox" class="task-list-item-checkbox" disabled="disabled" />';
const BOX_CHECKED =
  '<input type="checkbox" class="task-list-item-checkbox" disabled="disabled" checked="checked" />';

/**
 * GFM's task lists: `[ ]` or `[x]` starting an item's first paragraph becomes a checkbox. As in
 * kramdown-parser-gfm, once one item is a task, it and every item after it get the task class.
 */
function markTasks(list: Element): void {
  let isTaskList = false;
  for (const item of list.children) {
    const first = item.children[0];
    if (first?.type !== 'p') continue;
    const text = first.children[0] as Element;
    const before = text.text;
    const after = before.replace(TASK_UNCHECKED, BOX_UNCHECKED).replace(TASK_CHECKED, BOX_CHECKED);
    text.value = after;
    isTaskList ||= after !== before;
    if (isTaskList) item.attr.class = 'task-list-item';
  }
  if (isTaskList) list.attr.class = 'task-list';
}

/** kramdown's own lists (input: kramdown). */
export const list: Rule = {
  name: 'list',
  lineStarts: '+*-0123456789',
  start: LIST_START_RE,
  parse(p) {
    parseList(p);
    return true;
  },
};

/** GFM's lists: kramdown's, with task items. */
export const listGfm: Rule = {
  name: 'list',
  lineStarts: '+*-0123456789',
  start: LIST_START_RE,
  parse(p) {
    markTasks(parseList(p));
    return true;
  },
};

const DEFINITION_LINES = /\n/;

// biome-ignore lint/complexity/noExcessiveLinesPerFunction: kramdown's parse_definition_list, one method in Ruby, ported whole to read against it
function parseDefinitionList(p: Parser): boolean {
  const src = p.src;
  const siblings = p.tree.children;
  const lastSibling = siblings[siblings.length - 1];
  const beforeLast = siblings[siblings.length - 2];
  if (
    !lastSibling ||
    (siblings.length === 1 && lastSibling.type !== 'p') ||
    (siblings.length >= 2 &&
      lastSibling.type !== 'p' &&
      (lastSibling.type !== 'blank' || lastSibling.value !== '\n' || beforeLast?.type !== 'p'))
  ) {
    return false;
  }

  let firstAsParagraph = false;
  const deflist = p.newBlockEl('dl');
  let paragraph = siblings.pop() as Element;
  if (paragraph.type === 'blank') {
    paragraph = siblings.pop() as Element;
    firstAsParagraph = true;
  }
  // The terms are the paragraph's lines; the list starts where they do.
  deflist.options.location = paragraph.options.location;
  for (let term of (paragraph.children[0] as Element).text.split(DEFINITION_LINES)) {
    const dt = new Element('dt', undefined, undefined, { location: src.currentLineNumber() });
    term = takeItemIal(p, dt, term);
    dt.options.raw_text = term;
    dt.children.push(new Element('raw_text', term));
    deflist.children.push(dt);
  }
  deflist.options.ial = paragraph.options.ial;

  const chunks = new Map<Element, string>();
  let item: Element | undefined;
  let patterns: LinePatterns | undefined;
  let definitionStart = DEFINITION_LIST_START_RE;
  let lastIsBlank = false;
  while (!src.eos()) {
    const location = src.currentLineNumber();
    if (src.scan(definitionStart) !== null) {
      item = new Element('dd', undefined, undefined, { location });
      item.options.first_as_para = firstAsParagraph;
      let text: string;
      let indentation: number;
      [text, indentation, patterns] = parseFirstListLine(
        (src.group(1) as string).length,
        src.group(2) as string,
      );
      deflist.children.push(item);
      chunks.set(item, takeItemIal(p, item, text));
      definitionStart = markerPattern(':', indentation);
      firstAsParagraph = false;
      lastIsBlank = false;
      continue;
    }
    if (src.check(EOB_MARKER_RE) !== null || !item || !patterns) break;
    const line = itemLine(src, patterns, lastIsBlank);
    if (line !== null) {
      const text = line
        .replace(LEADING_TABS, (tabs) => ' '.repeat(4 * tabs.length))
        .replace(patterns.indent, '');
      chunks.set(item, chunks.get(item) + text);
      firstAsParagraph = false;
      lastIsBlank = false;
      continue;
    }
    const blank = src.scan(BLANK_LINE_RE);
    if (blank === null) break;
    firstAsParagraph = true;
    chunks.set(item, chunks.get(item) + blank);
    lastIsBlank = true;
  }

  let last: Element | undefined;
  for (const it of deflist.children) {
    if (it.type === 'dt') continue;
    p.parseBlocks(it, chunks.get(it) ?? '');
    const children = it.children;
    if (children.length === 0) continue;
    last = children[children.length - 1]?.type === 'blank' ? children.pop() : undefined;
    const first = children[0];
    // kramdown deletes the flag only when it reads it, for a definition that starts with a paragraph.
    if (first?.type !== 'p') continue;
    const firstAsPara = it.options.first_as_para;
    delete it.options.first_as_para;
    if (!firstAsPara) {
      if (children.length > 1) {
        const text = first.children[0] as Element;
        text.value = `${text.text}\n`;
      }
      first.options.transparent = true;
    }
  }

  const previous = siblings[siblings.length - 1];
  if (previous?.type === 'dl') {
    previous.children.push(...deflist.children);
  } else if (previous?.type === 'blank' && siblings[siblings.length - 2]?.type === 'dl') {
    siblings.pop();
    (siblings[siblings.length - 1] as Element).children.push(...deflist.children);
  } else {
    siblings.push(deflist);
  }
  if (last) siblings.push(last);
  return true;
}

export const definitionList: Rule = {
  name: 'definition_list',
  lineStarts: ':',
  start: DEFINITION_LIST_START_RE,
  parse: parseDefinitionList,
};
