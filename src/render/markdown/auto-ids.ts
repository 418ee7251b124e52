/**
 * kramdown-parser-gfm's header ids: the header's text, downcased, with everything but word
 * characters, hyphens and spaces removed, spaces turned into hyphens; `-1`, `-2`… for repeats.
 */
import type { MarkdownIt, Token } from 'markdown-it';

const NON_WORD = /[^\p{L}\p{M}\p{N}\p{Pc}\- \t]/gu;

export function gfmHeaderId(text: string, counter: Map<string, number>): string {
  const base = text.toLowerCase().replace(NON_WORD, '').replace(/[ \t]/g, '-');
  const seen = (counter.get(base) ?? -1) + 1;
  counter.set(base, seen);
  return seen > 0 ? `${base}-${seen}` : base;
}

/** The text kramdown sees: text, code spans, entities and smart punctuation as characters. */
function inlineText(tokens: Token[]): string {
  return tokens
    .map((token) => {
      if (token.type === 'text' || token.type === 'code_inline') return token.content;
      if (token.children) return inlineText(token.children);
      return '';
    })
    .join('');
}

export function autoIds(md: MarkdownIt): void {
  md.core.ruler.push('kramdown_auto_ids', (state) => {
    const counter = new Map<string, number>();
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      if (token.type !== 'heading_open' || token.attrGet('id') !== null) continue;
      const inline = tokens[i + 1];
      token.attrSet('id', gfmHeaderId(inlineText(inline.children ?? []), counter));
    }
  });
}
