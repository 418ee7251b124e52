/** kramdown writes a column's alignment as `style="text-align: left"` (with a space). */
import type { MarkdownIt, Token } from 'markdown-it';
import { cannotInterruptParagraph } from './block-rules.ts';

export function tables(md: MarkdownIt): void {
  // A table starts a block in kramdown: right under a paragraph's line it is more of its text.
  cannotInterruptParagraph(md, 'table');
  const align = (tokens: Token[], idx: number) => {
    const style = tokens[idx].attrGet('style');
    if (typeof style === 'string')
      tokens[idx].attrSet('style', style.replace(/^text-align:(\w+)$/, 'text-align: $1'));
  };
  // kramdown's layout: two spaces a level, a cell per line. The whitespace reaches descriptions
  // that themes make by stripping the tags from a page.
  const layout: Record<string, [string, string]> = {
    table: ['', '\n'],
    thead: ['  ', '\n'],
    tbody: ['  ', '\n'],
    tfoot: ['  ', '\n'],
    tr: ['    ', '\n'],
    th: ['      ', ''],
    td: ['      ', ''],
  };
  for (const [tag, [indent, after]] of Object.entries(layout)) {
    const cell = tag === 'th' || tag === 'td';
    md.renderer.rules[`${tag}_open`] = (tokens, idx, options, _env, self) => {
      if (cell) align(tokens, idx);
      return `${indent}${self.renderToken(tokens, idx, options).trimEnd()}${after}`;
    };
    md.renderer.rules[`${tag}_close`] = () => `${cell ? '' : indent}</${tag}>\n`;
  }
}

/**
 * kramdown's table sections: a row of only dashes (`|-----|`) starts a new `<tbody>`, a row of
 * only equals signs (`|=====|`) starts the `<tfoot>`.
 */
export function tableSections(md: MarkdownIt): void {
  md.core.ruler.after('inline', 'kramdown_table_sections', (state) => {
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i].type !== 'tr_open') continue;
      let end = i;
      while (tokens[end].type !== 'tr_close') end++;
      const cells = tokens.slice(i, end).filter((t) => t.type === 'inline');
      const texts = cells.map((t) => t.content.trim()).filter(Boolean);
      const kind =
        texts.length && texts.every((t) => /^-+$/.test(t))
          ? 'tbody'
          : texts.length && texts.every((t) => /^=+$/.test(t))
            ? 'tfoot'
            : '';
      if (!kind || tokens[i - 1]?.type === 'tbody_open') continue;
      const close = new state.Token('tbody_close', 'tbody', -1);
      const open = new state.Token(`${kind}_open`, kind, 1);
      tokens.splice(i, end - i + 1, close, open);
      if (kind === 'tfoot') {
        // The table's own closing tbody becomes the tfoot's.
        for (let j = i + 2; j < tokens.length; j++) {
          if (tokens[j].type === 'tbody_close') {
            tokens[j] = Object.assign(new state.Token('tfoot_close', 'tfoot', -1), { block: true });
            break;
          }
        }
      }
    }
  });
}

/** A line with a `|` that is not escaped and not inside a code span. */
function hasPipe(line: string): boolean {
  if (!line.includes('|')) return false; // most lines: the rule is tried on every paragraph's
  const bare = line
    .replace(/(`+)[\s\S]*?\1/g, '')
    .replace(/\$\$[\s\S]*?\$\$/g, '')
    .replace(/\\\|/g, '');
  return bare.includes('|');
}

function cells(line: string): string[] {
  let text = line.trim();
  if (text.startsWith('|')) text = text.slice(1);
  if (text.endsWith('|') && !text.endsWith('\\|')) text = text.slice(0, -1);
  const out: string[] = [];
  let current = '';
  let code = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '`') {
      let run = '`';
      while (text[i + 1] === '`') run += text[++i];
      code = code === run ? '' : code || run;
      current += run;
    } else if (ch === '\\' && text[i + 1] === '|') {
      current += '|';
      i++;
    } else if (ch === '|' && !code) {
      out.push(current.trim());
      current = '';
    } else current += ch;
  }
  out.push(current.trim());
  return out;
}

/**
 * kramdown's tables need no header: a block of lines that all contain a `|` (outside code) and
 * end at a blank line is a table of body rows (`Jun Wu | Home` in a title that a theme
 * markdownifies is a one-row table). markdown-it only knows tables with a delimiter row.
 */
export function headerlessTables(md: MarkdownIt): void {
  md.block.ruler.after('table', 'kramdown_headerless_table', (state, startLine, endLine, silent) => {
    const lineText = (line: number) =>
      state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]);
    let line = startLine;
    while (line < endLine && !state.isEmpty(line)) {
      if (state.sCount[line] - state.blkIndent >= 4 || !hasPipe(lineText(line))) return false;
      if (/^\|?\s*[-:=]+[-:=|+ ]*$/.test(lineText(line))) return false; // a separator: not this rule
      line++;
    }
    if (line === startLine) return false;
    if (silent) return true;
    state.push('table_open', 'table', 1).map = [startLine, line];
    state.push('tbody_open', 'tbody', 1);
    for (let row = startLine; row < line; row++) {
      state.push('tr_open', 'tr', 1);
      for (const cell of cells(lineText(row))) {
        state.push('td_open', 'td', 1);
        const inline = state.push('inline', '', 0);
        inline.content = cell;
        inline.map = [row, row + 1];
        inline.children = [];
        state.push('td_close', 'td', -1);
      }
      state.push('tr_close', 'tr', -1);
    }
    state.push('tbody_close', 'tbody', -1);
    state.push('table_close', 'table', -1);
    state.line = line;
    return true;
  });
}
