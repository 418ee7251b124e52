/**
 * jekyll-paginate 1.1: splits the posts over `index.html` (its `paginator`) and copies of it
 * at `paginate_path` (`/page2/`, `/page3/`, …).
 */
import path from 'node:path';
import type { Diagnostics } from '../errors.ts';
import { unwrapFloat } from '../ruby/values.ts';
import type { Document } from '../site/document.ts';
import { Page } from '../site/document.ts';
import type { Pager } from '../site/pager.ts';
import type { Site } from '../site/site.ts';
import type { Plugin } from './index.ts';

/**
 * A copy of the template page, read from the same file, served from the pager's folder.
 * Jekyll sets `dir` after the page is made, so `path` stays the template's.
 */
class PaginatedPage extends Page {
  constructor(
    site: Site,
    template: Page,
    private readonly pagerDir: string,
  ) {
    super(site, template.urlDir, template.name, template.sourcePath);
    this.data = { ...template.data };
    this.content = template.rawContent;
    this.rawContent = template.rawContent;
    this.bodyLine = template.bodyLine;
    this.sourceText = template.sourceText;
    this.hasFrontMatter = template.hasFrontMatter;
  }

  override urlPlaceholders() {
    return { ...super.urlPlaceholders(), path: this.pagerDir };
  }
}

export const paginate: Plugin = {
  name: 'jekyll-paginate',
  priority: 'lowest',
  generate(site: Site, diagnostics: Diagnostics): void {
    if (site.config.paginate == null || site.pages.length === 0) return;
    const template = templatePage(site);
    if (!template) {
      diagnostics.warn({
        message:
          "Pagination is enabled, but I couldn't find an index.html page to use as the pagination template. Skipping pagination.",
        file: '_config.yml',
        hint: 'Add an index.html in the folder of `paginate_path`, or remove `paginate:`.',
      });
      return;
    }
    const perPage = rubyToI(site.config.paginate);
    // `site.posts`, newest first, without `hidden: true` posts.
    const allPosts = [...site.posts.docs].reverse().filter((post) => !rubyTruthy(post.data.hidden));
    if (perPage <= 0) return;
    const totalPages = Math.ceil(allPosts.length / perPage);
    const firstUrl = template.url;
    for (let num = 1; num <= totalPages; num++) {
      const pager = makePager(site, num, allPosts, totalPages, perPage, firstUrl);
      if (num > 1) {
        const page = new PaginatedPage(site, template, paginatePath(site, num, firstUrl)!);
        page.pager = pager;
        site.pages.push(page);
      } else {
        template.pager = pager;
      }
    }
  },
};

function makePager(
  site: Site,
  num: number,
  allPosts: Document[],
  totalPages: number,
  perPage: number,
  firstUrl: string,
): Pager {
  const init = (num - 1) * perPage;
  const previous = num !== 1 ? num - 1 : null;
  const next = num !== totalPages ? num + 1 : null;
  return {
    page: num,
    per_page: perPage,
    posts: allPosts.slice(init, init + perPage),
    total_posts: allPosts.length,
    total_pages: totalPages,
    previous_page: previous,
    previous_page_path: paginatePath(site, previous, firstUrl),
    next_page: next,
    next_page_path: paginatePath(site, next, firstUrl),
  };
}

/** `Pager.paginate_path`: the first page is the template's url, the others `paginate_path`. */
function paginatePath(site: Site, num: number | null, firstUrl: string): string | null {
  if (num == null) return null;
  if (num <= 1) return firstUrl;
  const format = site.settings.paginatePath.replace(':num', String(num));
  return format.startsWith('/') ? format : `/${format}`;
}

/** `Pagination#template_page`: an `index.html` in the folder of `paginate_path` or above, deepest path first. */
function templatePage(site: Site): Page | undefined {
  const candidates = site.pages.filter((page) => isCandidate(site, page));
  return candidates.sort((a, b) => b.path.length - a.path.length)[0];
}

function isCandidate(site: Site, page: Page): boolean {
  if (page.name !== 'index.html') return false;
  const source = site.source;
  const pageDir = path.dirname(path.resolve(source, removeLeadingSlash(page.path)));
  const paginatePathAbs = path.resolve(source, removeLeadingSlash(site.settings.paginatePath));
  return inHierarchy(pageDir, path.dirname(paginatePathAbs));
}

function inHierarchy(pageDir: string, dir: string): boolean {
  if (dir === path.dirname(dir)) return false;
  return pageDir === dir || inHierarchy(pageDir, path.dirname(dir));
}

function removeLeadingSlash(p: string): string {
  return p.startsWith('/') ? p.slice(1) : p;
}

/** Ruby's `String#to_i` / `Integer#to_i`. */
function rubyToI(input: unknown): number {
  const value = unwrapFloat(input);
  if (typeof value === 'number') return Math.trunc(value);
  const m = /^\s*[-+]?\d+/.exec(String(value).replace(/_/g, ''));
  return m ? Number.parseInt(m[0], 10) : 0;
}

function rubyTruthy(value: unknown): boolean {
  return value !== undefined && value !== null && value !== false;
}
