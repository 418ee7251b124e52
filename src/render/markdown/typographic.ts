/**
 * kramdown's typographic symbols (`---` —, `--` –, `...` …, `<<` «, `>>` ») and smart quotes,
 * on text only (never inside code). markdown-it's own `replacements` rule also rewrites
 * `(c)`, `(tm)` and `+-`, which kramdown leaves alone, so it is replaced by this one.
 */
import type { MarkdownIt } from 'markdown-it';

const SYMBOLS: [RegExp, string][] = [
  [/---/g, '—'],
  [/--/g, '–'],
  [/\.\.\./g, '…'],
  [/<< /g, '« '],
  [/ >>/g, ' »'],
  [/<</g, '«'],
  [/>>/g, '»'],
];

export function typographic(md: MarkdownIt): void {
  md.core.ruler.at('replacements', (state) => {
    for (const block of state.tokens) {
      if (block.type !== 'inline' || !block.children) continue;
      for (const token of block.children) {
        if (token.type !== 'text') continue;
        let text = token.content;
        for (const [pattern, symbol] of SYMBOLS) text = text.replace(pattern, symbol);
        token.content = text;
      }
    }
  });
}
