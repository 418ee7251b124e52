/**
 * Block quotes written the way kramdown writes them: what a quote holds is indented two spaces
 * per quote around it. As with lists, the whitespace matters beyond looks: a theme that strips
 * the tags from an excerpt starting with a quote keeps those spaces in its description.
 */
import type { MarkdownIt, Token } from 'markdown-it';

export function blockquoteRendering(md: MarkdownIt): void {
  /** How many quotes are open around each token of the last document parsed. */
  const depths = new WeakMap<Token, number>();
  md.core.ruler.push('quote_depth', (state) => {
    // Only tokens inside a quote are noted (a map entry per token is a cost every page pays).
    let depth = 0;
    for (const token of state.tokens) {
      if (token.type === 'blockquote_close') depth--;
      if (depth) depths.set(token, depth);
      if (token.type === 'blockquote_open') depth++;
    }
  });
  const pad = (token: Token) => '  '.repeat(depths.get(token) ?? 0);
  md.renderer.rules.blockquote_open = (tokens, idx) => `${pad(tokens[idx])}<blockquote>\n`;
  md.renderer.rules.blockquote_close = (tokens, idx) => `${pad(tokens[idx])}</blockquote>\n`;
  for (const rule of ['paragraph_open', 'heading_open'] as const) {
    const own = md.renderer.rules[rule];
    md.renderer.rules[rule] = (tokens, idx, options, env, self) => {
      const html = own ? own(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
      return tokens[idx].hidden ? html : pad(tokens[idx]) + html;
    };
  }
}
