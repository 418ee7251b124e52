/**
 * kramdown's lists. A bullet list goes on whatever the bullet (`*`, `-`, `+`): markdown-it would
 * start a new list when it changes. Whether an item's first paragraph gets `<p>` is decided item
 * by item (kramdown's parse_list), not per list as in CommonMark: the paragraph is bare unless a
 * blank line follows it inside the item; the last item is bare too unless every item before it
 * had a `<p>`.
 */
import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import { lineText, refuseBlockRule } from './block-rules.ts';

interface Item {
  open: Token;
  /** The item's direct children: [open index, close index] of each block. */
  blocks: [number, number][];
}

/** Index of the token closing the block that opens at `i`. */
function closeOf(tokens: Token[], i: number): number {
  if (tokens[i].nesting !== 1) return i;
  let depth = 0;
  for (let j = i; j < tokens.length; j++) {
    depth += tokens[j].nesting;
    if (depth === 0) return j;
  }
  return tokens.length - 1;
}

function mergeAdjacentLists(tokens: Token[]): void {
  for (let i = 0; i < tokens.length - 1; i++) {
    const close = tokens[i];
    const open = tokens[i + 1];
    const sameKind =
      (close.type === 'bullet_list_close' && open.type === 'bullet_list_open') ||
      (close.type === 'ordered_list_close' && open.type === 'ordered_list_open');
    if (sameKind && close.level === open.level) {
      tokens.splice(i, 2);
      i--;
    }
  }
}

function items(tokens: Token[], listOpen: number): Item[] {
  const listClose = closeOf(tokens, listOpen);
  const found: Item[] = [];
  for (let i = listOpen + 1; i < listClose; i = closeOf(tokens, i) + 1) {
    if (tokens[i].type !== 'list_item_open') continue;
    const itemClose = closeOf(tokens, i);
    const blocks: [number, number][] = [];
    for (let j = i + 1; j < itemClose; j = closeOf(tokens, j) + 1) blocks.push([j, closeOf(tokens, j)]);
    found.push({ open: tokens[i], blocks });
  }
  return found;
}

function applyTransparency(tokens: Token[], list: Item[], endLine: number): void {
  const transparent: boolean[] = [];
  list.forEach((item, index) => {
    const [first] = item.blocks;
    const firstIsParagraph = first !== undefined && tokens[first[0]].type === 'paragraph_open';
    // Every paragraph but an item's first is always a <p>.
    for (const [open, close] of item.blocks.slice(1)) {
      if (tokens[open].type === 'paragraph_open') {
        tokens[open].hidden = false;
        tokens[close].hidden = false;
      }
    }
    if (!firstIsParagraph) {
      transparent.push(false);
      return;
    }
    const paragraphEnd = tokens[first[0]].map?.[1] ?? 0;
    const next = item.blocks[1];
    const nextStart = next
      ? (tokens[next[0]].map?.[0] ?? paragraphEnd)
      : (list[index + 1]?.open.map?.[0] ?? endLine);
    const blankAfter = nextStart > paragraphEnd;
    const isLast = index === list.length - 1;
    let bare = !blankAfter || (isLast && item.blocks.length === 1);
    if (isLast && list.length > 1) {
      bare &&= transparent.some(
        (t, k) => t || tokens[list[k].blocks[0]?.[0] ?? 0]?.type !== 'paragraph_open',
      );
    }
    tokens[first[0]].hidden = bare;
    tokens[first[1]].hidden = bare;
    transparent.push(bare);
  });
}

export function lists(md: MarkdownIt): void {
  // kramdown's list marker needs a space or tab after it (`PATTERN_TAIL`): a line of just `1.`
  // or `-` is text (a setext header above `---`), never an empty item. `1)` is not a marker.
  refuseBlockRule(md, 'list', (state, startLine) => {
    // Asked of every line of every paragraph: most start with neither a bullet nor a digit.
    const first = state.src.charCodeAt(state.bMarks[startLine] + state.tShift[startLine]);
    const bullet = first === 0x2a || first === 0x2b || first === 0x2d;
    if (!bullet && !(first >= 0x30 && first <= 0x39)) return false;
    const line = lineText(state, startLine);
    return /^(?:[*+-]|\d+\.)$/.test(line) || /^\d+\)/.test(line);
  });
  md.core.ruler.after('block', 'kramdown_lists', (state: StateCore) => {
    const tokens = state.tokens;
    mergeAdjacentLists(tokens);
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i].type !== 'bullet_list_open' && tokens[i].type !== 'ordered_list_open') continue;
      const close = closeOf(tokens, i);
      const nextBlock = tokens[close + 1];
      const endLine = nextBlock?.map?.[0] ?? tokens[i].map?.[1] ?? 0;
      applyTransparency(tokens, items(tokens, i), endLine);
    }
  });
}
