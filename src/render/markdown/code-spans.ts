/** kramdown with Rouge marks every code span as plain-text code: `<code class="language-plaintext highlighter-rouge">`. */
import type { MarkdownIt } from 'markdown-it';
import { escapeCode } from '../liquid/tags/highlight.ts';

export function codeSpans(md: MarkdownIt): void {
  md.renderer.rules.code_inline = (tokens, idx) =>
    `<code class="language-plaintext highlighter-rouge">${escapeCode(tokens[idx].content)}</code>`;
}
