/** kramdown writes a column's alignment as `style="text-align: left"` (with a space). */
import type { MarkdownIt, Token } from 'markdown-it';

export function tables(md: MarkdownIt): void {
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
