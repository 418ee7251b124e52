/** jekyll-paginate's pager, as generate/paginate.ts makes it and a page's `paginator` shows it. */
import type { Document } from './document.ts';

/** `Pager#to_liquid`. `posts` are the documents: show them to Liquid through their drops. */
export interface Pager {
  page: number;
  per_page: number;
  posts: Document[];
  total_posts: number;
  total_pages: number;
  previous_page: number | null;
  previous_page_path: string | null;
  next_page: number | null;
  next_page_path: string | null;
}

/** The pager as templates see it, each post through `toDrop` (the renderer's document drops). */
export function pagerToLiquid(pager: Pager, toDrop: (doc: Document) => unknown): Record<string, unknown> {
  return { ...pager, posts: pager.posts.map(toDrop) };
}
