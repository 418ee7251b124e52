/**
 * Addresses written in CSS (`url(…)`, `@import "…"`), in stylesheets, `<style>` and `style=""`,
 * as elements named `url()` whose `url` attribute is the address, so the link checks read them as
 * they read `<img src>`.
 */
import type { Element } from './parse.ts';

const ADDRESS = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s'"]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')/gi;

/** `lineAt`: the built file's line of an offset in `css`. */
export function cssReferences(css: string, lineAt: (offset: number) => number): Element[] {
  // Comments are blanked, not removed, so offsets still point at the right line.
  const text = css.replace(/\/\*[\s\S]*?(?:\*\/|$)/g, (comment) => comment.replace(/[^\n]/g, ' '));
  const found: Element[] = [];
  for (const match of text.matchAll(ADDRESS)) {
    const value = match.slice(1).find((group) => group !== undefined) ?? '';
    if (value.trim() !== '')
      found.push({ name: 'url()', attributes: { url: value }, line: lineAt(match.index) });
  }
  return found;
}
