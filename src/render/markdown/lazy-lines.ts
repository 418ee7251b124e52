/**
 * kramdown continues a list item with any following line that is not blank and not a new item
 * ("lazy" lines), and a GFM fence may then interrupt the item's paragraph: a fenced block right
 * under an item line belongs to the item. markdown-it ends the list there instead. Indenting
 * such a fence (and its code) to the item's content column gives markdown-it the same tree.
 * The same goes for a list of the other kind right under an item: kramdown nests it.
 */
const ITEM = /^(\s*)([*+-]|\d+[.)])([ \t]+)\S/;
const FENCE = /^(\s*)(`{3,}|~{3,})/;

const kindOf = (marker: string) => (/\d/.test(marker) ? 'ordered' : 'bullet');

export function indentLazyLines(source: string): string {
  const lines = source.split('\n');
  let contentIndent = -1;
  let markerIndent = -1;
  let itemKind: 'ordered' | 'bullet' | undefined;
  /** Inside an item after a lazy fence: further lazy lines need the item's indent too. */
  let lazy = false;
  const reindent = (k: number) => {
    lines[k] = ' '.repeat(contentIndent) + lines[k].replace(new RegExp(`^ {0,${contentIndent}}`), '');
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') {
      contentIndent = -1; // after a blank line, lazy continuation is over
      itemKind = undefined;
      lazy = false;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[2];
      const close = new RegExp(`^\\s*${marker[0]}{${marker.length},}\\s*$`);
      let end = i + 1;
      while (end < lines.length && !close.test(lines[end])) end++;
      // A fence right under an item line goes into the item; any other is skipped whole, so
      // that its code is never taken for list items.
      if (contentIndent >= 0 && fence[1].length < contentIndent) {
        // kramdown strips up to the item's content indent from each lazy line; markdown-it will
        // strip the item's indent again, so every line gets exactly that indent back.
        for (let k = i; k <= Math.min(end, lines.length - 1); k++) if (lines[k] !== '') reindent(k);
        lazy = true;
      } else contentIndent = -1;
      i = end;
      continue;
    }
    const item = ITEM.exec(line);
    if (item) {
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
