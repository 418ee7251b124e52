/**
 * kramdown's tables (parser/kramdown/table.rb): lines with a `|` after a block boundary; a
 * separator line `|---|:-:|` makes the rows above it the header and sets the alignment, a `|===|`
 * line starts the footer. A `|` inside a code span or `<code>` does not split cells, and a table
 * is no table unless every line has an unescaped `|` outside code.
 */
import { Element } from '../../element.ts';
import { Scanner } from '../../scanner.ts';
import type { Parser } from '../parser.ts';
import { BOL, DOT, NS, rubySplit, rx, strip } from '../ruby.ts';
import type { Rule } from '../rules.ts';
import { afterBlockBoundary, beforeBlockBoundary } from './block-boundary.ts';
import { codespan } from './codespan.ts';
import { OPT_SPACE } from './extensions.ts';
import { spanHtml } from './html.ts';

const TABLE_SEP_LINE = rx(`${BOL}([+|: \\t-]*?-[+|: \\t-]*?)[ \\t]*\\n`);
const TABLE_HSEP_ALIGN = /[ \t]?(:?)-+(:?)[ \t]?/g;
const TABLE_FSEP_LINE = rx(`${BOL}[+|: \\t=]*?=[+|: \\t=]*?[ \\t]*\\n`);
const TABLE_ROW_LINE = rx(`${BOL}(${DOT}*?)[ \\t]*\\n`);
const TABLE_PIPE_CHECK = `(?:\\||${DOT}*?[^\\\\\\n]\\|)`;
const TABLE_LINE = rx(`${TABLE_PIPE_CHECK}${DOT}*?\\n`);
const PIPE_AT_LINE_START = rx(`^${TABLE_PIPE_CHECK}`);
const LEADING_PIPE = /^[ \t\n\v\f\r]*\|/;
const CODE_ELEMENT = /(<code[^\n]*?>[^\n]*?<\/code>)/;
const CELL_SEPARATOR = /(?<!\\)\|/;
const ESCAPED_PIPE = /\\\|/g;
const BACKTICKS = /`+/g;

type Alignment = 'default' | 'left' | 'right' | 'center';
type Section = 'thead' | 'tbody' | 'tfoot';

/** Appends `text` to the last cell, or makes it the first (kramdown's `(cells.empty? ? cells : cells.last) <<`). */
function appendToLastCell(cells: string[], text: string): void {
  if (cells.length === 0) cells.push(text);
  else cells[cells.length - 1] += text;
}

/** The cells of one row's text, `|` in code spans and `<code>` elements kept in their cell. */
function cellsOf(p: Parser, line: string): string[] {
  const cells: string[] = [];
  const env = p.saveEnv();
  rubySplit(line, CODE_ELEMENT).forEach((part, i) => {
    if (i % 2 === 1) {
      appendToLastCell(cells, part);
      return;
    }
    // Lines count from where the scanner before it stands, as in kramdown (warnings name them).
    p.resetEnv({ src: new Scanner(part, p.src.currentLineNumber()) });
    const root = new Element('root');
    p.parseSpans(root, undefined, [codespan]);
    for (const child of root.children) {
      if (child.type === 'raw_text') {
        const [first = '', ...rest] = child.text
          .split(CELL_SEPARATOR)
          .map((cell) => cell.replace(ESCAPED_PIPE, '|'));
        appendToLastCell(cells, first);
        cells.push(...rest);
      } else {
        // The code written again between more backticks than it holds.
        const longest = Math.max(0, ...(child.text.match(BACKTICKS) ?? []).map((run) => run.length));
        const delimiter = '`'.repeat(longest + 1);
        const space = delimiter.length > 1 ? ' ' : '';
        appendToLastCell(cells, `${delimiter}${space}${child.text}${space}${delimiter}`);
      }
    }
  });
  p.restoreEnv(env);
  return cells;
}

/** Whether every line of the table has a `|` outside code spans and HTML (kramdown's pipe_on_line check). */
function pipeOnEveryLine(p: Parser, text: string): boolean {
  const env = p.saveEnv();
  p.resetEnv({ src: new Scanner(text, p.src.currentLineNumber()) });
  const root = new Element('root');
  p.parseSpans(root, undefined, [codespan, spanHtml]);
  p.restoreEnv(env);
  let pipeOnLine = false;
  for (const child of root.children) {
    if (typeof child.value !== 'string') continue;
    const lines = rubySplit(child.value, /\n/);
    if (child.type === 'codespan') {
      if (lines.length > 2 || (lines.length === 2 && !pipeOnLine)) break;
      if (lines.length === 2 && pipeOnLine) pipeOnLine = false;
    } else {
      if (lines.length > 1 && !pipeOnLine && !PIPE_AT_LINE_START.test(lines[0] ?? '')) break;
      pipeOnLine =
        (lines.length > 1 ? false : pipeOnLine) || PIPE_AT_LINE_START.test(lines[lines.length - 1] ?? '');
    }
  }
  return pipeOnLine;
}

function alignmentsOf(separator: string): Alignment[] {
  return [...separator.matchAll(TABLE_HSEP_ALIGN)].map(([, left, right]) => {
    if (left === '' && right === '') return 'default';
    if (right === '') return 'left';
    if (left === '') return 'right';
    return 'center';
  });
}

function parseTable(p: Parser): boolean {
  if (!afterBlockBoundary(p)) return false;
  const src = p.src;
  const saved = src.savePos();
  const start = src.pos;
  const table = p.newBlockEl('table', undefined, undefined, {
    alignment: [],
    location: src.currentLineNumber(),
  });
  const leadingPipe = LEADING_PIPE.test(src.check(TABLE_LINE) ?? '');
  src.scan(TABLE_SEP_LINE);

  let alignment: Alignment[] = [];
  let rows: Element[] = [];
  let hasFooter = false;
  let columns = 0;
  const addSection = (type: Section, force: boolean): void => {
    if (!hasFooter || type !== 'tbody' || force) {
      const section = new Element(type);
      section.children = rows;
      rows = [];
      table.children.push(section);
    }
  };

  while (!src.eos()) {
    if (src.check(TABLE_LINE) === null) break;
    if (src.scan(TABLE_SEP_LINE) !== null) {
      if (rows.length === 0) {
        // consecutive separator lines count as one
      } else if (alignment.length === 0 && !hasFooter) {
        const separator = src.group(1) as string;
        addSection('thead', false);
        alignment = alignmentsOf(separator);
      } else {
        addSection('tbody', false);
      }
    } else if (src.scan(TABLE_FSEP_LINE) !== null) {
      if (rows.length > 0) addSection('tbody', true);
      hasFooter = true;
    } else if (src.scan(TABLE_ROW_LINE) !== null) {
      const cells = cellsOf(p, src.group(1) as string);
      if (leadingPipe && strip(cells[0] ?? '') === '') cells.shift();
      if (strip(cells[cells.length - 1] ?? '') === '') cells.pop();
      const row = new Element('tr');
      for (const cell of cells) {
        const td = new Element('td');
        td.children.push(new Element('raw_text', strip(cell)));
        row.children.push(td);
      }
      columns = Math.max(columns, cells.length);
      rows.push(row);
    } else {
      break;
    }
  }

  if (!beforeBlockBoundary(p) || !pipeOnEveryLine(p, src.string.slice(start, src.pos - 1))) {
    src.revertPos(saved);
    return false;
  }
  if (rows.length > 0) addSection(hasFooter ? 'tfoot' : 'tbody', false);
  if (!table.children.some((section) => section.type === 'tbody')) {
    p.warning(`Found table without body on line ${table.options.location} - ignoring it`);
    src.revertPos(saved);
    return false;
  }
  for (const section of table.children) {
    for (const row of section.children) {
      while (row.children.length < columns) row.children.push(new Element('td'));
    }
  }
  while (alignment.length < columns) alignment.push('default');
  table.options.alignment = alignment.slice(0, columns);
  p.tree.children.push(table);
  return true;
}

export const table: Rule = {
  name: 'table',
  start: rx(`${BOL}${OPT_SPACE}(?=${NS})${TABLE_PIPE_CHECK}${DOT}*?\\n`),
  parse: parseTable,
};
