/**
 * kramdown's Setext headers: one line of text over a line of `=` or `-`, and only after a block
 * boundary (a blank line, or the start of the document, list item or quote), as
 * `after_block_boundary?` demands. Otherwise the lines stay in the paragraph, where a `---`
 * line is just text (with the default `paragraph_end` quirk a rule does not end a paragraph).
 */
import type { MarkdownIt } from 'markdown-it';
import { cannotInterruptParagraph, lineText, refuseBlockRule } from './block-rules.ts';

const UNDERLINE = /^[-=][-=]*[ \t\r\f\v]*$/;
const CONTAINER_START = Symbol('containerStart');

export function setextHeaders(md: MarkdownIt): void {
  // Where the block being tokenized (the document, a list item, a quote) starts.
  const tokenize = md.block.tokenize.bind(md.block);
  md.block.tokenize = (state, startLine, endLine) => {
    const holder = state as unknown as Record<symbol, number | undefined>;
    const outer = holder[CONTAINER_START];
    holder[CONTAINER_START] = startLine;
    try {
      tokenize(state, startLine, endLine);
    } finally {
      holder[CONTAINER_START] = outer;
    }
  };

  refuseBlockRule(md, 'lheading', (state, startLine, endLine) => {
    const start = (state as unknown as Record<symbol, number | undefined>)[CONTAINER_START] ?? 0;
    if (startLine > start && !state.isEmpty(startLine - 1)) return true;
    const next = startLine + 1;
    return (
      next >= endLine || state.sCount[next] !== state.blkIndent || !UNDERLINE.test(lineText(state, next))
    );
  });
  // A `---` line does not end a paragraph.
  cannotInterruptParagraph(md, 'hr');
}
