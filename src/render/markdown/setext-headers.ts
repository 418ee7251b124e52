/**
 * kramdown's Setext headers: one line of text over a line of `=` or `-`, and only after a block
 * boundary (a blank line, or the start of the document, list item or quote), as
 * `after_block_boundary?` demands. Otherwise the lines stay in the paragraph, where a `---`
 * line is just text (with the default `paragraph_end` quirk a rule does not end a paragraph).
 */
import type { MarkdownIt, StateBlock } from 'markdown-it';

type BlockRule = (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;
type Rules = { __rules__: { name: string; fn: BlockRule; alt: string[] }[] };

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

  const rules = (md.block.ruler as unknown as Rules).__rules__;
  const lheading = rules.find((rule) => rule.name === 'lheading');
  if (lheading) {
    const original = lheading.fn;
    md.block.ruler.at(
      'lheading',
      (state, startLine, endLine, silent) => {
        const start = (state as unknown as Record<symbol, number | undefined>)[CONTAINER_START] ?? 0;
        if (startLine > start && !state.isEmpty(startLine - 1)) return false;
        const next = startLine + 1;
        if (next >= endLine || state.sCount[next] !== state.blkIndent) return false;
        const underline = state.src.slice(state.bMarks[next] + state.tShift[next], state.eMarks[next]);
        if (!UNDERLINE.test(underline)) return false;
        return original(state, startLine, endLine, silent);
      },
      { alt: lheading.alt },
    );
  }
  // A `---` line does not end a paragraph.
  const hr = rules.find((rule) => rule.name === 'hr');
  if (hr) md.block.ruler.at('hr', hr.fn, { alt: hr.alt.filter((name) => name !== 'paragraph') });
}
