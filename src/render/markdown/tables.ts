/** kramdown writes a column's alignment as `style="text-align: left"` (with a space). */
import type { MarkdownIt, Token } from 'markdown-it';

export function tables(md: MarkdownIt): void {
  const align = (tokens: Token[], idx: number) => {
    const style = tokens[idx].attrGet('style');
    if (typeof style === 'string')
      tokens[idx].attrSet('style', style.replace(/^text-align:(\w+)$/, 'text-align: $1'));
  };
  for (const rule of ['th_open', 'td_open'] as const) {
    md.renderer.rules[rule] = (tokens, idx, options, _env, self) => {
      align(tokens, idx);
      return self.renderToken(tokens, idx, options);
    };
  }
}
