/**
 * kramdown's typographic symbols (`---` —, `--` –, `...` …, `<<` «, `>>` ») and smart quotes,
 * on text only (never inside code). markdown-it's own `replacements` rule also rewrites
 * `(c)`, `(tm)` and `+-`, which kramdown leaves alone, so it is replaced by this one.
 */
import type { MarkdownIt, StateInline } from 'markdown-it';

const SYMBOLS: [RegExp, string][] = [
  [/---/g, '—'],
  [/--/g, '–'],
  [/\.\.\./g, '…'],
  [/<< /g, '« '],
  [/ >>/g, ' »'],
  [/<</g, '«'],
  [/>>/g, '»'],
];

/**
 * `<<` and `>>` are guillemets before anything else sees them (markdown-it would read
 * `<<word>>` as an HTML tag); a space on the inner side stays.
 */
function guillemets(state: StateInline, silent: boolean): boolean {
  const two = state.src.slice(state.pos, state.pos + 2);
  if (two !== '<<' && two !== '>>') return false;
  if (!silent) state.push('text', '', 0).content = two === '<<' ? '«' : '»';
  state.pos += 2;
  return true;
}

export function typographic(md: MarkdownIt): void {
  md.inline.ruler.before('html_inline', 'kramdown_guillemets', guillemets);
  md.core.ruler.at('replacements', (state) => {
    for (const block of state.tokens) {
      if (block.type !== 'inline' || !block.children) continue;
      for (const token of block.children) {
        if (token.type !== 'text') continue;
        let text = token.content;
        for (const [pattern, symbol] of SYMBOLS) text = text.replace(pattern, symbol);
        // An apostrophe before digits is a closing quote in kramdown (`'90s`).
        text = text.replace(/(^|[\s(])'(?=\d)/g, '$1’');
        token.content = text;
      }
    }
  });
}
