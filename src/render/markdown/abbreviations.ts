/**
 * kramdown's abbreviations: `*[CSS]: Cascading Style Sheets` lines are definitions (not shown),
 * and every whole-word occurrence of the abbreviation in text becomes `<abbr title="…">`.
 */
import type { MarkdownIt, StateBlock, StateCore, Token } from 'markdown-it';
import { endOfBlock } from './block-rules.ts';

const DEFINITION = /^\*\[([^\]]+)\]:[ \t]*(.*)$/;

function definition(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const line = state.src.slice(state.bMarks[startLine] + state.tShift[startLine], state.eMarks[startLine]);
  const match = DEFINITION.exec(line);
  if (!match) return false;
  if (silent) return true;
  const env = state.env as { kramdownAbbreviations?: Map<string, string> };
  env.kramdownAbbreviations ??= new Map();
  env.kramdownAbbreviations.set(match[1], match[2].trim());
  endOfBlock(state, startLine, startLine + 1);
  return true;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function replaceAbbreviations(state: StateCore): void {
  const abbreviations = (state.env as { kramdownAbbreviations?: Map<string, string> }).kramdownAbbreviations;
  if (!abbreviations?.size) return;
  const pattern = new RegExp(`\\b(${[...abbreviations.keys()].map(escapeRegex).join('|')})\\b`, 'g');
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const children: Token[] = [];
    for (const token of block.children) {
      if (token.type !== 'text' || !pattern.test(token.content)) {
        children.push(token);
        continue;
      }
      pattern.lastIndex = 0;
      let last = 0;
      for (const match of token.content.matchAll(pattern)) {
        const before = new state.Token('text', '', 0);
        before.content = token.content.slice(last, match.index);
        const abbr = new state.Token('html_inline', '', 0);
        const title = state.md.utils.escapeHtml(abbreviations.get(match[1]) ?? '');
        abbr.content = `<abbr title="${title}">${state.md.utils.escapeHtml(match[1])}</abbr>`;
        children.push(before, abbr);
        last = match.index + match[0].length;
      }
      const after = new state.Token('text', '', 0);
      after.content = token.content.slice(last);
      children.push(after);
    }
    block.children = children;
  }
}

export function abbreviations(md: MarkdownIt): void {
  md.block.ruler.before('paragraph', 'kramdown_abbreviation_definition', definition, { alt: ['paragraph'] });
  md.core.ruler.after('inline', 'kramdown_abbreviations', replaceAbbreviations);
}

/** `***both***` is `<strong><em>` in kramdown, `<em><strong>` in markdown-it. */
export function strongOutside(md: MarkdownIt): void {
  md.core.ruler.after('inline', 'kramdown_strong_outside', (state) => {
    for (const block of state.tokens) {
      if (!block.children) continue;
      // Empty text tokens sit between the markers; they render nothing.
      const children = block.children.filter((t) => t.type !== 'text' || t.content !== '');
      block.children = children;
      for (let i = 0; i + 1 < children.length; i++) {
        if (children[i].type !== 'em_open' || children[i + 1].type !== 'strong_open') continue;
        // Only for one run of markers (`***x***`); `*__x__*` is nested as written.
        if (children[i].markup[0] !== children[i + 1].markup[0]) continue;
        let depth = 0;
        for (let j = i + 1; j + 1 < children.length; j++) {
          depth += children[j].nesting;
          if (depth === 0) {
            if (children[j].type === 'strong_close' && children[j + 1].type === 'em_close') {
              [children[i], children[i + 1]] = [children[i + 1], children[i]];
              [children[j], children[j + 1]] = [children[j + 1], children[j]];
            }
            break;
          }
        }
      }
    }
  });
}
