/**
 * kramdown-parser-gfm's escapes: only `\ . * _ + - ~ ` < > ( ) [ ] { } # ! : | " ' $ =` can be
 * escaped; before any other character (`\&`, `\%`, `\@`…) the backslash stays as typed. A
 * backslash before a line break is a hard break (GFM). Text is escaped the kramdown way:
 * `&`, `<`, `>` only (quotes stay as they are). Link titles keep their backslashes.
 */
import type { MarkdownIt, StateInline } from 'markdown-it';

const ESCAPABLE = new Set('\\.*_+`<>()[]{}#!:|"\'$=-~'.split(''));

function escapedChar(state: StateInline, silent: boolean): boolean {
  const pos = state.pos;
  if (state.src.charCodeAt(pos) !== 0x5c /* \ */) return false;
  const next = state.src[pos + 1];
  if (next === '\n') {
    if (!silent) state.push('hardbreak', 'br', 0);
    state.pos = pos + 2;
    while (state.pos < state.posMax && /[ \t]/.test(state.src[state.pos])) state.pos++;
    return true;
  }
  if (next === undefined || !ESCAPABLE.has(next)) return false;
  if (!silent) {
    const token = state.push('text_special', '', 0);
    token.content = next;
    token.markup = `\\${next}`;
    token.info = 'escape';
  }
  state.pos = pos + 2;
  return true;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapes(md: MarkdownIt): void {
  // A link or image title is kept as typed: kramdown does not unescape `\"` there.
  const parseLinkTitle = md.helpers.parseLinkTitle;
  md.helpers.parseLinkTitle = (str, start, max, previous) => {
    const result = parseLinkTitle(str, start, max, previous);
    if (result.ok && !previous) result.str = str.slice(start + 1, result.pos - 1);
    return result;
  };
  md.inline.ruler.at('escape', escapedChar);
  md.renderer.rules.text = (tokens, idx) => escapeText(tokens[idx].content);
}
