/**
 * kramdown's definition lists: one or more term lines, then `: definition` lines; entries
 * separated by blank lines go on in the same `<dl>`. A definition's paragraph is bare, as
 * kramdown writes a tight definition.
 */
import type { MarkdownIt, StateBlock } from 'markdown-it';
import { parseAttributes } from './ial.ts';

const DEFINITION = /^:[ \t]+/;
const IAL = /^\{:\s*([^}]*)\}\s*$/;

function lineText(state: StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]);
}

/** Term lines at `line` followed by a definition: the line of the first definition, or -1. */
function termsEnd(state: StateBlock, line: number, endLine: number): number {
  let next = line;
  while (next < endLine && !state.isEmpty(next) && !DEFINITION.test(lineText(state, next))) {
    if (state.sCount[next] - state.blkIndent >= 4) return -1;
    next++;
  }
  return next > line && next < endLine && DEFINITION.test(lineText(state, next)) ? next : -1;
}

function definitionList(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  let first = termsEnd(state, startLine, endLine);
  if (first === -1) return false;
  if (silent) return true;

  const list = state.push('dl_open', 'dl', 1);
  list.map = [startLine, startLine];
  let line = startLine;
  while (first !== -1) {
    for (let term = line; term < first; term++) {
      state.push('dt_open', 'dt', 1);
      const inline = state.push('inline', '', 0);
      inline.content = lineText(state, term).trim();
      inline.map = [term, term + 1];
      inline.children = [];
      state.push('dt_close', 'dt', -1);
    }
    line = first;
    while (line < endLine && DEFINITION.test(lineText(state, line))) {
      const parts = [lineText(state, line).replace(DEFINITION, '')];
      let next = line + 1;
      while (next < endLine && !state.isEmpty(next) && !DEFINITION.test(lineText(state, next))) {
        if (termsEnd(state, next, endLine) !== -1 || IAL.test(lineText(state, next))) break;
        parts.push(lineText(state, next).trim());
        next++;
      }
      state.push('dd_open', 'dd', 1);
      const inline = state.push('inline', '', 0);
      inline.content = parts.join('\n').trim();
      inline.map = [line, next];
      inline.children = [];
      state.push('dd_close', 'dd', -1);
      line = next;
    }
    // `{: .class}` right after the list gives it attributes.
    const ial = line < endLine ? IAL.exec(lineText(state, line)) : null;
    if (ial) {
      const attributes = parseAttributes(ial[1]);
      if (attributes.id) list.attrSet('id', attributes.id);
      if (attributes.classes.length) list.attrSet('class', attributes.classes.join(' '));
      for (const [key, value] of attributes.pairs) list.attrSet(key, value);
      line++;
      break;
    }
    // Blank lines, then another entry, continue the same list.
    let after = line;
    while (after < endLine && state.isEmpty(after)) after++;
    first = after < endLine ? termsEnd(state, after, endLine) : -1;
    if (first !== -1) line = after;
  }
  state.push('dl_close', 'dl', -1);
  list.map = [startLine, line];
  state.line = line;
  return true;
}

export function definitionLists(md: MarkdownIt): void {
  md.block.ruler.before('paragraph', 'kramdown_definition_list', definitionList);
  md.renderer.rules.dl_open = (tokens, idx, options, _env, self) =>
    `${self.renderToken(tokens, idx, options).trimEnd()}\n`;
  md.renderer.rules.dt_open = () => '  <dt>';
  md.renderer.rules.dt_close = () => '</dt>\n';
  md.renderer.rules.dd_open = () => '  <dd>';
  md.renderer.rules.dd_close = () => '</dd>\n';
}
