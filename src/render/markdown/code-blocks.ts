/**
 * Code blocks in Rouge's markup as Jekyll's kramdown writes them:
 * `<div class="language-x highlighter-rouge"><div class="highlight"><pre class="highlight"><code>…`.
 * Token spans are left out; the escaped code text is what matters.
 */
import type { MarkdownIt } from 'markdown-it';

import { escapeCode } from '../escape-code.ts';
import { ROUGE_LEXERS } from './rouge-lexers.ts';

export function codeBlocks(md: MarkdownIt): void {
  const render = (code: string, info: string) => {
    // Rouge's guess for code without a language is plain text.
    const lang = info.trim().split(/\s+/)[0] || 'plaintext';
    // A language Rouge does not know (names are case-sensitive): kramdown's own markup.
    if (!ROUGE_LEXERS.has(lang))
      return `<pre><code class="language-${lang}">${escapeCode(code)}</code></pre>\n`;
    const cls = `language-${lang} highlighter-rouge`;
    return `<div class="${cls}"><div class="highlight"><pre class="highlight"><code>${escapeCode(code)}</code></pre></div></div>\n`;
  };
  md.renderer.rules.fence = (tokens, idx) => render(tokens[idx].content, tokens[idx].info);
  md.renderer.rules.code_block = (tokens, idx) => render(tokens[idx].content, '');
}
