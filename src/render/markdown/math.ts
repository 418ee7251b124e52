/**
 * kramdown's math (engine: MathJax): `$$…$$` inside text is `\(…\)`; a paragraph that is only
 * `$$…$$` is a block, written `\[…\]`. Nothing inside is Markdown.
 */
import type { MarkdownIt, StateBlock, StateInline } from 'markdown-it';

import { escapeCode } from '../escape-code.ts';

function block(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const start = state.bMarks[startLine] + state.tShift[startLine];
  if (!state.src.startsWith('$$', start)) return false;
  // The block ends at the line that ends with `$$`, before a blank line.
  let line = startLine;
  let found = false;
  for (; line < endLine && !state.isEmpty(line); line++) {
    const text = state.src.slice(line === startLine ? start + 2 : state.bMarks[line], state.eMarks[line]);
    if (/\$\$\s*$/.test(text)) {
      found = true;
      break;
    }
  }
  if (!found) return false;
  const after = line + 1;
  if (after < endLine && !state.isEmpty(after)) return false;
  if (silent) return true;
  const body = state.getLines(startLine, after, state.blkIndent, false).trim();
  const token = state.push('math_block', '', 0);
  token.content = body.slice(2, -2).trim();
  token.map = [startLine, after];
  state.line = after;
  return true;
}

function inline(state: StateInline, silent: boolean): boolean {
  if (!state.src.startsWith('$$', state.pos)) return false;
  const end = state.src.indexOf('$$', state.pos + 2);
  if (end === -1) return false;
  if (!silent) state.push('math_inline', '', 0).content = state.src.slice(state.pos + 2, end);
  state.pos = end + 2;
  return true;
}

export function math(md: MarkdownIt): void {
  // Before tables: a formula with `|` in it is still a formula.
  md.block.ruler.before('table', 'kramdown_math_block', block);
  md.inline.ruler.before('escape', 'kramdown_math_inline', inline);
  md.renderer.rules.math_block = (tokens, idx) => `\\[${escapeCode(tokens[idx].content)}\\]\n`;
  // kramdown strips the inline formula (Ruby's `strip`: ASCII whitespace and NUL).
  md.renderer.rules.math_inline = (tokens, idx) =>
    `\\(${escapeCode(tokens[idx].content.replace(/^[ \t\n\v\f\r\0]+|[ \t\n\v\f\r\0]+$/g, ''))}\\)`;
}
