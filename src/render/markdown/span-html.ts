/**
 * kramdown's span HTML: inside a paragraph, a block element's tag (`<div>`, `</article>`) is not
 * HTML but text ("Found block HTML tag in span-level text"), and so is an end tag that closes
 * nothing opened in the same paragraph.
 */
import type { MarkdownIt, StateCore } from 'markdown-it';

const BLOCK_ELEMENTS = new Set(
  'address article aside applet body blockquote caption col colgroup dd div dl dt fieldset figcaption footer form h1 h2 h3 h4 h5 h6 header hgroup hr html head iframe legend menu li main map nav ol optgroup p pre section summary table tbody td th thead tfoot tr ul'.split(
    ' ',
  ),
);

function asText(state: StateCore, content: string) {
  const token = new state.Token('text', '', 0);
  token.content = content;
  return token;
}

export function spanHtml(md: MarkdownIt): void {
  md.core.ruler.after('inline', 'kramdown_span_html', (state) => {
    for (const block of state.tokens) {
      if (block.type !== 'inline' || !block.children) continue;
      const open: string[] = [];
      block.children = block.children.map((token) => {
        if (token.type !== 'html_inline') return token;
        const tag = /^<(\/?)([A-Za-z][\w:-]*)/.exec(token.content);
        if (!tag) return token;
        const name = tag[2].toLowerCase();
        if (BLOCK_ELEMENTS.has(name)) return asText(state, token.content);
        if (!tag[1]) {
          if (!token.content.endsWith('/>')) open.push(name);
          return token;
        }
        const at = open.lastIndexOf(name);
        if (at === -1) return asText(state, token.content);
        open.length = at;
        return token;
      });
    }
  });
}
