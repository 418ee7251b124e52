/**
 * Our kramdown tree in the shape tools/kramdown-diff/ast.rb prints kramdown's, so the parser can
 * be compared with kramdown's own, element by element, before any HTML is written.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { Element } from '../../src/render/kramdown/element.ts';
import type { KramdownOptions } from '../../src/render/kramdown/options.ts';
import { Parser } from '../../src/render/kramdown/parser/parser.ts';

export interface AstNode {
  type: string;
  value?: unknown;
  attr?: Record<string, string>;
  options?: Record<string, unknown>;
  children?: AstNode[];
}

function plain(value: unknown): unknown {
  if (value instanceof Element) return toAst(value);
  if (value && typeof value === 'object' && 'codePoint' in value) {
    const entity = value as { name?: string; codePoint: number };
    return entity.name ? `&${entity.name};` : `&#${entity.codePoint};`;
  }
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

export function toAst(el: Element): AstNode {
  const node: AstNode = { type: el.type };
  if (el.value !== undefined && el.value !== null) node.value = plain(el.value);
  if (Object.keys(el.attr).length) node.attr = el.attr;
  // A key set to undefined is Ruby's key set to nil (kramdown sets some, e.g. a dl's :ial).
  const options = Object.fromEntries(
    Object.entries(el.options)
      .filter(([k]) => k !== 'location')
      .map(([k, v]) => [k, v === undefined ? null : v]),
  );
  if (Object.keys(options).length) node.options = plain(options) as Record<string, unknown>;
  if (el.children.length) node.children = el.children.map(toAst);
  return node;
}

/** Our tree of `text` (root options other than footnote_count are left out on both sides). */
export function ourAst(text: string, options: KramdownOptions): { tree: AstNode; warnings: string[] } {
  const parser = new Parser(options);
  return { tree: trimRoot(toAst(parser.parse(text))), warnings: parser.warnings };
}

/** kramdown's trees of `texts` (needs Ruby and Debian's Jekyll; for tools and golden generation). */
export function kramdownAsts(texts: string[]): Array<{ tree: AstNode; warnings: string[] }> {
  const script = path.resolve(import.meta.dirname, '../../tools/kramdown-diff/ast.rb');
  const out = execFileSync('ruby', [script, '-', '-'], { input: JSON.stringify(texts), maxBuffer: 1 << 30 });
  return (JSON.parse(out.toString()) as Array<{ tree: AstNode; warnings: string[] }>).map((r) => ({
    ...r,
    tree: trimRoot(r.tree),
  }));
}

function trimRoot(tree: AstNode): AstNode {
  const count = tree.options?.footnote_count;
  const { options: _options, ...rest } = tree;
  return count ? { ...rest, options: { footnote_count: count } } : rest;
}
