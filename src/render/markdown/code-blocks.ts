/**
 * Code blocks in Rouge's markup as Jekyll's kramdown writes them:
 * `<div class="language-x highlighter-rouge"><div class="highlight"><pre class="highlight"><code>…`.
 * Token spans are left out; the escaped code text is what matters. A fence's code keeps its
 * indentation: kramdown takes the lines between the fences as they are, where CommonMark removes
 * the opening fence's indentation from each.
 */
import type { MarkdownIt } from 'markdown-it';

import { escapeCode } from '../escape-code.ts';
import { ROUGE_LEXERS } from '../kramdown/converter/rouge-lexers.ts';
import { LAZY_END } from './lazy-lines.ts';

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
  keepFenceIndentation(md);
  lazyCodeLines(md);
  md.renderer.rules.code_block = (tokens, idx) => render(tokens[idx].content, '');
}

/**
 * markdown-it's fence rule, with the code taken again without the opening fence's own
 * indentation removed: only the block's (a list item's content column), as kramdown does.
 */
function keepFenceIndentation(md: MarkdownIt): void {
  const rule = md.block.ruler.__rules__.find((candidate) => candidate.name === 'fence')!;
  const fence = rule.fn;
  md.block.ruler.at(
    'fence',
    (state, startLine, endLine, silent) => {
      const before = state.tokens.length;
      if (!fence(state, startLine, endLine, silent)) return false;
      const token = state.tokens[before];
      if (silent || !token || token.type !== 'fence' || !token.map) return true;
      const fenceIndent = state.sCount[startLine];
      if (fenceIndent <= state.blkIndent) return true;
      // The code ends before the closing fence, or at the end of the block when there is none.
      const closed = state.getLines(startLine + 1, token.map[1] - 1, fenceIndent, true) === token.content;
      const end = closed ? token.map[1] - 1 : token.map[1];
      token.content = state.getLines(startLine + 1, end, state.blkIndent, true);
      return true;
    },
    // A fence may still end a paragraph, a list, a quote.
    { alt: rule.alt },
  );
}

/**
 * kramdown's indented code block goes on with the non-blank lines after it ("lazy" lines, as a
 * paragraph does) up to a blank line, an IAL, an end-of-block marker or block HTML, and joins
 * each one indented less than four spaces to the line before it with a space (its
 * CODEBLOCK_MATCH, then `gsub(/\n( {0,3}\S)/, ' \1')`); blank lines and indented lines after
 * them continue the block. markdown-it ends the block at the first line indented less.
 */
function lazyCodeLines(md: MarkdownIt): void {
  const rule = md.block.ruler.__rules__.find((candidate) => candidate.name === 'code')!;
  const code = rule.fn;
  md.block.ruler.at('code', (state, startLine, endLine, silent) => {
    if (!code(state, startLine, endLine, silent)) return false;
    const token = state.tokens[state.tokens.length - 1];
    if (silent || token?.type !== 'code_block' || !token.map) return true;
    const text = (line: number) => state.src.slice(state.bMarks[line], state.eMarks[line]);
    const lazy = (line: number) =>
      line < endLine &&
      !state.isEmpty(line) &&
      state.sCount[line] >= state.blkIndent &&
      !LAZY_END.test(text(line));
    let last = state.line;
    if (!lazy(last)) return true;
    for (;;) {
      while (lazy(last)) last++;
      let next = last;
      while (next < endLine && state.isEmpty(next)) next++;
      if (next === last || next >= endLine || state.sCount[next] - state.blkIndent < 4) break;
      last = next;
    }
    token.content = state
      .getLines(startLine, last, state.blkIndent, true)
      .replace(/\n( {0,3}\S)/g, ' $1')
      .replace(/^(?:\t| {4})/gm, '');
    token.map[1] = last;
    state.line = last;
    return true;
  });
}
