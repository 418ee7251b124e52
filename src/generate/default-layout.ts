/**
 * jekyll-default-layout 0.1: a Markdown page or post with no `layout` (front matter defaults
 * included) gets `home` (the site's front page), `page` or `post`, else `default`, whichever the
 * site has; with none of them, its layout is set to nothing.
 */
import type { Renderable } from '../site/document.ts';
import type { Site } from '../site/site.ts';
import type { Plugin } from './index.ts';

export const defaultLayout: Plugin = {
  name: 'jekyll-default-layout',
  priority: 'lowest',
  generate(site: Site): void {
    for (const item of [...site.pages, ...site.posts.docs]) {
      if (!item.isMarkdown || 'layout' in item.data) continue;
      item.data.layout = layoutFor(site, item);
    }
  },
};

function layoutFor(site: Site, item: Renderable): string | null {
  const has = (name: string) => site.layouts.has(name);
  if (item.url === '/' && has('home')) return 'home';
  if (item.kind === 'page' && has('page')) return 'page';
  if (item.kind === 'document' && has('post')) return 'post';
  return has('default') ? 'default' : null;
}
