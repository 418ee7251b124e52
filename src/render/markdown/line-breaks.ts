/**
 * kramdown's line breaks: two spaces before a newline make a `<br />` and only those two are
 * taken (a third stays in the text); a single trailing space stays before a plain newline
 * (markdown-it drops both, and a description built from the text runs words together).
 */
import type { MarkdownIt, StateInline } from 'markdown-it';

function newline(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x0a) return false;
  if (!silent) {
    // kramdown-parser-gfm looks for a backslash before the newline after escapes are resolved,
    // so an escaped backslash (`\\`) at the end of a line also makes a break, and is used up.
    const last = state.tokens[state.tokens.length - 1];
    if (!state.pending && last && last.type === 'text_special' && last.content === '\\') {
      state.tokens.pop();
      state.push('hardbreak', 'br', 0);
    } else if (state.pending.endsWith('\\')) {
      state.pending = state.pending.slice(0, -1);
      state.push('hardbreak', 'br', 0);
    } else if (state.pending.endsWith('  ')) {
      state.pending = state.pending.slice(0, -2);
      state.push('hardbreak', 'br', 0);
    } else {
      state.push('softbreak', 'br', 0);
    }
  }
  let pos = state.pos + 1;
  while (pos < state.posMax && (state.src[pos] === ' ' || state.src[pos] === '\t')) pos++;
  state.pos = pos;
  return true;
}

export function lineBreaks(md: MarkdownIt): void {
  md.inline.ruler.at('newline', newline);
}
