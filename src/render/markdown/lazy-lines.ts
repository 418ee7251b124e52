/**
 * kramdown continues a list item with any following line that is not blank and not a new item
 * ("lazy" lines), and a GFM fence may then interrupt the item's paragraph: a fenced block right
 * under an item line belongs to the item. markdown-it ends the list there instead. Indenting
 * such a fence (and its code) to the item's content column gives markdown-it the same tree.
 * The same goes for a list of the other kind right under an item: kramdown nests it, and for a
 * heading or a quote. A fence that kramdown does not close is escaped: kramdown reads it as text.
 * A quote takes every line after it up to a blank line (each gets its `>`), and `---` under an
 * item's text is that text's underline. Indented code blocks are passed over (code-blocks.ts
 * gives them their own lazy lines).
 */
import { SPAN_ELEMENTS } from './html-blocks.ts';

const ITEM = /^(\s*)([*+-]|\d+[.)])([ \t]+)\S/;
const FENCE = /^(\s*)(`{3,}|~{3,})/;
const LAZY_BLOCK = /^ {0,3}(?:#{1,6}(?:[ \t]|$)|>)/;
const QUOTE = /^ {0,3}>/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;

/**
 * A line that ends kramdown's lazy lines (its LAZY_END, a blank line aside): an IAL, an
 * end-of-block marker, or a tag of block HTML at the start of the line (a span element or
 * `<script>` is text: kramdown's LAZY_END_HTML_SPAN_ELEMENTS).
 */
export const LAZY_END = new RegExp(
  String.raw`^(?: {0,3}\{:(?!:|\/).+\}\s*$|\^\s*$| {0,3}<\/?(?!(?:${[...SPAN_ELEMENTS, 'script'].join('|')})\b)[\w:])`,
);

const kindOf = (marker: string) => (/\d/.test(marker) ? 'ordered' : 'bullet');

export function indentLazyLines(source: string): string {
  const lines = source.split('\n');
  let contentIndent = -1;
  let markerIndent = -1;
  let itemKind: 'ordered' | 'bullet' | undefined;
  /** Inside an item after a lazy fence: further lazy lines need the item's indent too. */
  let lazy = false;
  // kramdown strips the item's content indent from a line that has it, and takes a lazy line
  // (less indented) as it is; markdown-it strips the item's indent from every line, so a lazy
  // line gets that indent put in front of its own.
  const reindent = (k: number) => {
    if (/^ */.exec(lines[k])![0].length < contentIndent) lines[k] = ' '.repeat(contentIndent) + lines[k];
  };
  /**
   * kramdown's quote at line `at` takes the lines after it up to a blank line, an IAL, an
   * end-of-block marker, block HTML, or the next item of the list it is in (`list`: that
   * list's kind and content column): each line without its own `>` gets one, at column `column`.
   * The last line taken.
   */
  const intoQuote = (at: number, column: number, list?: { kind: string; column: number }): number => {
    let k = at + 1;
    for (; k < lines.length && lines[k].trim() !== '' && !LAZY_END.test(lines[k]); k++) {
      const item = ITEM.exec(lines[k]);
      if (item && list && item[1].length < list.column && kindOf(item[2]) === list.kind) break;
      if (QUOTE.test(lines[k])) {
        if (/^ */.exec(lines[k])![0].length < column) lines[k] = ' '.repeat(column) + lines[k].trimStart();
      } else lines[k] = `${' '.repeat(column)}> ${lines[k]}`;
    }
    return k - 1;
  };
  /** Content columns of the list items the current line is in, innermost last. */
  const items: number[] = [];
  let afterBlank = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') {
      contentIndent = -1; // after a blank line, lazy continuation is over
      itemKind = undefined;
      lazy = false;
      afterBlank = true;
      continue;
    }
    const indent = /^ */.exec(line)![0].length;
    const item = ITEM.exec(line);
    // Past a blank line, a line indented less than an item's content has left that item.
    if (item) while (items.length && items[items.length - 1] > item[1].length) items.pop();
    else if (afterBlank) while (items.length && items[items.length - 1] > indent) items.pop();
    const startsBlock = afterBlank || i === 0;
    afterBlank = false;
    // An indented code block and its lazy lines (see code-blocks.ts): nothing in it is a quote.
    if (startsBlock && !item && items.length === 0 && contentIndent < 0 && indent >= 4) {
      let k = i + 1;
      while (k < lines.length && lines[k].trim() !== '' && !LAZY_END.test(lines[k])) k++;
      i = k - 1;
      continue;
    }
    // kramdown's quote takes every line after it up to a blank line, an IAL, an end-of-block
    // marker or block HTML: a heading or a list right under `> …` is inside the quote.
    if (!item && items.length === 0 && contentIndent < 0 && QUOTE.test(line)) {
      i = intoQuote(i, 0);
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[2];
      const close = new RegExp(`^\\s*${marker[0]}{${marker.length},}\\s*$`);
      const lazyFence = contentIndent >= 0 && fence[1].length < contentIndent;
      const end = fenceEnd(lines, i, close, lazyFence ? contentIndent : (items.at(-1) ?? -1));
      // kramdown reads a fence without its closing line (in the item it is in) as text.
      if (end < 0) {
        lines[i] = lines[i].replace(/^(\s*)([`~])/, '$1\\$2');
        if (lazyFence) reindent(i);
        continue;
      }
      // A fence right under an item line goes into the item; any other is skipped whole, so
      // that its code is never taken for list items.
      if (lazyFence) {
        for (let k = i; k <= Math.min(end, lines.length - 1); k++) if (lines[k] !== '') reindent(k);
        lazy = true;
      } else contentIndent = -1;
      i = end;
      continue;
    }
    // `---` or `===` right under an item's text underlines it: a heading in the item (kramdown
    // reads the lazy line as the item's; markdown-it would end the list with a rule).
    if (!item && contentIndent >= 0 && SETEXT_UNDERLINE.test(line) && indent < contentIndent) {
      reindent(i);
      continue;
    }
    // A heading or a quote under an item line is in the item too (kramdown lets both interrupt
    // the item's paragraph), and so is every line after it up to a blank line.
    if (!item && contentIndent >= 0 && LAZY_BLOCK.test(line) && /^ */.exec(line)![0].length < contentIndent) {
      reindent(i);
      lazy = true;
      // A quote there takes the lines after it as above, up to the next item of the list.
      if (QUOTE.test(line) && itemKind)
        i = intoQuote(i, contentIndent, { kind: itemKind, column: contentIndent });
      continue;
    }
    if (item) {
      items.push(item[1].length + item[2].length + item[3].length);
      // A list of the other kind (bullets under a numbered item, or the reverse) right under an
      // item and not indented past its content: lazy lines to kramdown, so it nests in the item,
      // with every following line up to a blank line or the outer list's next item.
      const previous = itemKind;
      itemKind = kindOf(item[2]);
      if (
        contentIndent >= 0 &&
        previous &&
        previous !== itemKind &&
        item[1].length < contentIndent &&
        item[1].length >= markerIndent
      ) {
        const shift = contentIndent - item[1].length;
        for (let k = i; k < lines.length && lines[k].trim() !== ''; k++) {
          const next = k > i ? ITEM.exec(lines[k]) : null;
          if (next && kindOf(next[2]) === previous && next[1].length <= markerIndent) break;
          // A fence is left to the fence rule above, which puts it in the nested item as it is.
          if (k > i && FENCE.test(lines[k])) break;
          lines[k] = ' '.repeat(shift) + lines[k];
        }
        markerIndent = contentIndent;
        contentIndent += item[2].length + item[3].length;
      } else {
        markerIndent = item[1].length;
        contentIndent = item[1].length + item[2].length + item[3].length;
      }
      lazy = false;
    } else if (lazy && /^\s*/.exec(line)![0].length < contentIndent) reindent(i);
  }
  return lines.join('\n');
}

/**
 * The closing line of the fence opened at `from`, or -1 when the item it is in (content column
 * `container`, -1 for none) ends first: at an item less indented, or at a blank line followed by
 * a line less indented than its content.
 */
function fenceEnd(lines: string[], from: number, close: RegExp, container: number): number {
  for (let k = from + 1; k < lines.length; k++) {
    if (close.test(lines[k])) return k;
    if (container < 0) continue;
    const item = ITEM.exec(lines[k]);
    if (item && item[1].length < container) return -1;
    if (lines[k].trim() === '') {
      let next = k + 1;
      while (next < lines.length && lines[next].trim() === '') next++;
      if (next < lines.length && /^ */.exec(lines[next])![0].length < container) return -1;
    }
  }
  return -1;
}
