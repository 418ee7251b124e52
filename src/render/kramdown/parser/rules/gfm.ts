/**
 * kramdown-parser-gfm's steps after parsing: a text holding a hard line break (a backslash at the
 * end of a line, or any line end under hard_wrap) is split into text and `br` elements, and
 * headers get GitHub's ids (`generate_gfm_header_id`), counted so that repeats get `-1`, `-2`…
 */
import { Element } from '../../element.ts';
import { entity, entityChar } from '../../entities.ts';
import type { Parser } from '../parser.ts';
import { downcase } from '../ruby.ts';

/** The text of a header or term for its id: code, math, entities and quotes as characters (GFM's update_raw_text). */
export function rawTextOf(item: Element): string {
  let text = '';
  const append = (child: Element): void => {
    switch (child.type) {
      case 'text':
      case 'codespan':
      case 'math':
        text += child.text;
        break;
      case 'entity':
        text += entityChar(child.value as Parameters<typeof entityChar>[0]) ?? '';
        break;
      case 'smart_quote':
        text += charOf(child.text);
        break;
      case 'typographic_sym':
        if (child.value === 'laquo_space') text += '«\u00a0';
        else if (child.value === 'raquo_space') text += '\u00a0»';
        else text += charOf(child.text);
        break;
      default:
        for (const grandchild of child.children) append(grandchild);
    }
  };
  append(item);
  return text;
}

function charOf(name: string): string {
  const named = entity(name);
  return named ? (entityChar(named) ?? '') : '';
}

/** Splits hard line breaks and gives headers GFM ids, through the tree under `element` (GFM's update_elements). */
export function updateElements(p: Parser, element: Element): void {
  // A new list of children only where a text is split (most elements keep theirs).
  let children: Element[] | undefined;
  element.children.forEach((child, index) => {
    if (child.type === 'text' && child.text.includes(p.hardLineBreak)) {
      children ??= element.children.slice(0, index);
      children.push(...splitHardLineBreaks(p, element, child));
      return;
    }
    // The released kramdown-parser-gfm 1.1.0 (GitHub Pages', Debian's) gives GFM ids even with
    // transliterated_header_ids; its later sources leave those to the converter.
    if (child.type === 'header' && p.options.auto_ids && !('id' in child.attr)) {
      child.attr.id = generateGfmHeaderId(p, child.options.raw_text ?? '');
    } else if (child.type !== 'html_element') {
      updateElements(p, child);
    }
    children?.push(child);
  });
  if (children) element.children = children;
}

const NON_WORD = /[^\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\- \t]/gu;

/** GitHub's header id: lower case, only word characters, hyphens and spaces, spaces as hyphens. */
function generateGfmHeaderId(p: Parser, text: string): string {
  let id = downcase(text).replace(NON_WORD, '').replace(/[ \t]/g, '-');
  const count = (p.idCounter.get(id) ?? -1) + 1;
  p.idCounter.set(id, count);
  if (count > 0) id += `-${count}`;
  return p.options.auto_id_prefix + id;
}

/** A text as text and `br` elements; no `br` for a break that ends the block's last text (GFM's update_text_type). */
function splitHardLineBreaks(p: Parser, parent: Element, child: Element): Element[] {
  const lines = child.text.split(p.hardLineBreak);
  const omitTrailingBreak =
    lines[lines.length - 1] === '' &&
    parent.category === 'block' &&
    parent.children[parent.children.length - 1] === child;
  const location = child.options.location ?? 0;
  const result: Element[] = [];
  lines.forEach((line, index) => {
    const options = { location: location + index };
    result.push(new Element('text', index > 0 ? `\n${line}` : line, undefined, options));
    if (index < lines.length - 2 || (index === lines.length - 2 && !omitTrailingBreak)) {
      result.push(new Element('br', undefined, undefined, { location: location + index }));
    }
  });
  return result;
}
