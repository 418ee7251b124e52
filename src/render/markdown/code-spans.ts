/** kramdown with Rouge marks every code span as plain-text code: `<code class="language-plaintext highlighter-rouge">`. */
import type { MarkdownIt } from 'markdown-it';
import { escapeCode } from '../escape-code.ts';

export function codeSpans(md: MarkdownIt): void {
  // kramdown: a single backtick with whitespace (or the start of the text) before it and
  // whitespace after it is a literal backtick. Ruby's `\s` is ASCII whitespace only.
  const backticks = md.inline.ruler.__rules__.find((rule) => rule.name === 'backticks')!.fn;
  md.inline.ruler.at('backticks', (state, silent) => {
    const { src, pos } = state;
    if (
      src[pos] === '`' &&
      src[pos + 1] !== '`' &&
      (pos === 0 || /[ \t\r\n\f\v]/.test(src[pos - 1])) &&
      /[ \t\r\n\f\v]/.test(src[pos + 1] ?? '')
    ) {
      if (!silent) state.pending += '`';
      state.pos++;
      return true;
    }
    return backticks(state, silent);
  });
  md.renderer.rules.code_inline = (tokens, idx) =>
    `<code class="language-plaintext highlighter-rouge">${escapeCode(tokens[idx].content)}</code>`;
}
