/**
 * kramdown's footnotes: `[^name]` references numbered in order of first use, `[^name]: text`
 * definitions (indented lines continue them), and the list at the end in kramdown's markup,
 * with a backlink (`&nbsp;↩`) at the end of each note's last paragraph.
 */
import type { MarkdownIt, StateBlock, StateCore, StateInline } from 'markdown-it';
import { endOfBlock } from './block-rules.ts';

interface Footnotes {
  definitions: Map<string, string>;
  /** Names in order of first reference, with their number. */
  used: Map<string, number>;
  repeats: Map<string, number>;
}

function footnotesOf(env: Record<string, unknown>): Footnotes {
  env.kramdownFootnotes ??= {
    definitions: new Map(),
    used: new Map(),
    repeats: new Map(),
  } satisfies Footnotes;
  return env.kramdownFootnotes as Footnotes;
}

const DEFINITION = /^\[\^([^\]\s]+)\]:[ \t]?/;

function definition(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const start = state.bMarks[startLine] + state.tShift[startLine];
  const first = state.src.slice(start, state.eMarks[startLine]);
  const match = DEFINITION.exec(first);
  if (!match) return false;
  if (silent) return true;
  const lines = [first.slice(match[0].length)];
  let line = startLine + 1;
  // Continuation: indented lines, and blank lines followed by indented ones.
  while (line < endLine) {
    const empty = state.isEmpty(line);
    if (!empty && state.sCount[line] - state.blkIndent < 4 && !/^\s/.test(state.src[state.bMarks[line]]))
      break;
    if (empty) {
      let next = line + 1;
      while (next < endLine && state.isEmpty(next)) next++;
      if (next >= endLine || state.sCount[next] - state.blkIndent < 4) break;
    }
    lines.push(state.src.slice(state.bMarks[line], state.eMarks[line]).replace(/^( {4}|\t)/, ''));
    line++;
  }
  footnotesOf(state.env).definitions.set(match[1], lines.join('\n'));
  endOfBlock(state, startLine, line);
  return true;
}

function reference(state: StateInline, silent: boolean): boolean {
  const match = /^\[\^([^\]\s]+)\]/.exec(state.src.slice(state.pos));
  if (!match) return false;
  const notes = footnotesOf(state.env);
  if (!notes.definitions.has(match[1])) return false;
  if (!silent) {
    const name = match[1];
    let number = notes.used.get(name);
    let id = `fnref:${name}`;
    if (number === undefined) {
      number = notes.used.size + 1;
      notes.used.set(name, number);
    } else {
      const repeat = (notes.repeats.get(name) ?? 0) + 1;
      notes.repeats.set(name, repeat);
      id += `:${repeat}`;
    }
    const token = state.push('html_inline', '', 0);
    token.content = `<sup id="${id}" role="doc-noteref"><a href="#fn:${name}" class="footnote" rel="footnote">${number}</a></sup>`;
  }
  state.pos += match[0].length;
  return true;
}

export function footnotes(md: MarkdownIt): void {
  md.block.ruler.before('reference', 'kramdown_footnote_definition', definition, {
    alt: ['paragraph', 'reference'],
  });
  md.inline.ruler.after('image', 'kramdown_footnote_reference', reference);
  md.core.ruler.push('kramdown_footnote_list', (state: StateCore) => {
    const notes = state.env.kramdownFootnotes as Footnotes | undefined;
    if (!notes || notes.used.size === 0 || state.env.kramdownNested) return;
    // A note may cite another note: notes are rendered in order with the same numbering (the
    // list grows while it is written), each with the backlinks its references have so far.
    const nested = { kramdownFootnotes: notes, kramdownNested: true };
    const items: string[] = [];
    for (let i = 0; i < notes.used.size; i++) {
      const name = [...notes.used.keys()][i];
      let html = md.render(notes.definitions.get(name) ?? '', nested).trimEnd();
      const backlinks = [`<a href="#fnref:${name}" class="reversefootnote" role="doc-backlink">&#8617;</a>`];
      for (let k = 1; k <= (notes.repeats.get(name) ?? 0); k++) {
        backlinks.push(
          `<a href="#fnref:${name}:${k}" class="reversefootnote" role="doc-backlink">&#8617;<sup>${k + 1}</sup></a>`,
        );
      }
      const link = `&nbsp;${backlinks.join('&nbsp;')}`;
      html = html.endsWith('</p>')
        ? `${html.slice(0, -4)}${link}</p>`
        : `${html}\n<p>${backlinks.join('&nbsp;')}</p>`;
      items.push(`    <li id="fn:${name}" role="doc-endnote">\n      ${html}\n    </li>`);
    }
    const token = new state.Token('html_block', '', 0);
    token.content = `<div class="footnotes" role="doc-endnotes">\n  <ol>\n${items.join('\n')}\n  </ol>\n</div>\n`;
    state.tokens.push(token);
  });
}
