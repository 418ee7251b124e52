/**
 * Jekyll's `Excerpt`: the body up to `excerpt_separator`, with Liquid blocks left open closed
 * again and the link reference definitions it uses appended; rendered (Liquid + converter, no
 * layout) on first use.
 */
import type { Renderable } from '../site/document.ts';

const LIQUID_TAG = /{%-?\s*(\w+)\s*[\s\S]*?-?%}/g;
const LINK_REF = /^ {0,3}(\[[^\]]+\])(:.+)$/gm;
const BLOCK_TAGS = new Set([
  'if',
  'unless',
  'case',
  'for',
  'tablerow',
  'capture',
  'comment',
  'raw',
  'highlight',
]);

export function extractExcerpt(item: Renderable, content: string): string {
  const separator = item.excerptSeparator;
  const at = content.indexOf(separator);
  if (at === -1) return content;
  let head = content.slice(0, at);
  const tail = content.slice(at + separator.length);
  if (tail === '') return head;
  if (head.includes('{%')) {
    const names = [...head.matchAll(LIQUID_TAG)].map((m) => m[1]).reverse();
    for (const name of names) {
      if (!BLOCK_TAGS.has(name)) continue;
      if (new RegExp(`{%-?\\s*end${name}.*?\\s*-?%}`).test(head)) continue;
      head += `\n{% end${name} %}`;
    }
  }
  const definitions = [...tail.matchAll(LINK_REF)].filter((m) => head.includes(m[1])).map((m) => m[1] + m[2]);
  return definitions.length ? `${head}\n\n${definitions.join('\n')}` : head;
}
