/**
 * kramdown's own tree (as tools/kramdown-diff/ast.rb prints it) read back into our Elements, so the
 * converter can be tested on exactly what kramdown's parser makes.
 */
import { Element, type ElementType } from '../../src/render/kramdown/element.ts';
import { entity } from '../../src/render/kramdown/entities.ts';
import type { AstNode } from './kramdown-ast.ts';

/** "&name;" or "&#NNN;", as ast.rb writes an entity, to our entity value. */
function entityOf(text: string): { name?: string; codePoint: number } {
  const numeric = /^&#(\d+);$/.exec(text);
  const found = numeric ? entity(Number(numeric[1])) : entity(text.slice(1, -1));
  if (!found) throw new Error(`kramdown-tree: no entity ${text}`);
  return found;
}

function isNode(value: unknown): value is AstNode {
  return typeof value === 'object' && value !== null && 'type' in value && typeof value.type === 'string';
}

export function fromAst(node: AstNode): Element {
  let value = node.value;
  if (node.type === 'entity') value = entityOf(String(value));
  else if (isNode(value)) value = fromAst(value);
  const el = new Element(
    node.type as ElementType,
    value,
    { ...(node.attr ?? {}) },
    { ...(node.options ?? {}) },
  );
  el.children = (node.children ?? []).map(fromAst);
  return el;
}
