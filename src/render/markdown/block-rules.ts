/** Changing one of markdown-it's block rules in place, keeping the blocks it may interrupt. */
import type { MarkdownIt, StateBlock } from 'markdown-it';

/** markdown-it's rule runs only where `refuse` does not say this is not the kramdown block. */
export function refuseBlockRule(
  md: MarkdownIt,
  name: string,
  refuse: (state: StateBlock, startLine: number, endLine: number) => boolean,
): void {
  const rule = md.block.ruler.__rules__.find((r) => r.name === name);
  if (!rule) throw new Error(`markdown-it has no block rule '${name}'`);
  const original = rule.fn;
  md.block.ruler.at(
    name,
    (state, startLine, endLine, silent) =>
      !refuse(state, startLine, endLine) && original(state, startLine, endLine, silent),
    { alt: rule.alt },
  );
}

/** Stop a block rule from ending a paragraph (kramdown's paragraphs run on past it). */
export function cannotInterruptParagraph(md: MarkdownIt, name: string): void {
  const rule = md.block.ruler.__rules__.find((r) => r.name === name);
  if (!rule) throw new Error(`markdown-it has no block rule '${name}'`);
  md.block.ruler.at(name, rule.fn, { alt: rule.alt.filter((other) => other !== 'paragraph') });
}

/** A line's text without its indentation. */
export function lineText(state: StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]);
}

/**
 * A definition (a footnote's, an abbreviation's) read from lines `startLine` to `endLine`: it
 * shows nothing, but ends the block before it, as kramdown's `:eob` element does, so that two
 * lists around it stay two lists (see lists.ts, which joins adjacent ones).
 */
export function endOfBlock(state: StateBlock, startLine: number, endLine: number): void {
  const token = state.push('kramdown_end_of_block', '', 0);
  token.hidden = true;
  token.map = [startLine, endLine];
  state.line = endLine;
}
