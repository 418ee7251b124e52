/**
 * Jekyll's `include_relative`: the `include` tag searching one folder, that of the page being
 * rendered (`IncludeRelativeTag#page_path`). It is the page's folder even inside its layout,
 * since Jekyll takes it from the `page` register; without a page, the rendered file's folder.
 */
import path from 'node:path';
import type { Context } from 'liquidjs';
import { CURRENT_FILE } from '../engine-registers.ts';
import { type IncludeFiles, includeTag } from './include.ts';

export function includeRelativeTag(
  sourceDir: string,
  collectionsDir: string,
  files: Omit<IncludeFiles, 'dirs'>,
) {
  return includeTag('include_relative', {
    ...files,
    dirs: (ctx: Context) => [path.join(sourceDir, path.dirname(pagePath(ctx, collectionsDir)))],
  });
}

function pagePath(ctx: Context, collectionsDir: string): string {
  const page = ctx.getSync(['page']) as Record<string, unknown> | undefined;
  const own = page && typeof page === 'object' ? page.path : undefined;
  if (typeof own === 'string' && own !== '') {
    const relative = own.replace(/\/#excerpt$/, '').replace(/^\/+/, '');
    return page?.collection && collectionsDir ? path.join(collectionsDir, relative) : relative;
  }
  return (ctx.getRegister(CURRENT_FILE) as string | undefined) ?? 'index.html';
}
