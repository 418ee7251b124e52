/** `{% link path %}` and `{% post_url name %}`: the url of a file of the site, or an error. */
import path from 'node:path';
import { type Context, type Liquid, Tag, type TagToken, type TopLevelToken } from 'liquidjs';
import { Dependency, type DependencyRecorder } from '../../../site/dependency.ts';
import type { Site } from '../../../site/site.ts';
import { relativeUrl } from '../../../site/site-urls.ts';

export function urlTag(kind: 'link' | 'post_url', resolve: (name: string) => string | undefined) {
  return class UrlTag extends Tag {
    private readonly markup: string;

    constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
      super(token, remainTokens, liquid);
      this.markup = token.args.trim();
    }

    *render(ctx: Context): Generator<unknown, string, unknown> {
      const name = this.markup.includes('{{')
        ? ((yield this.liquid.parseAndRender(this.markup, ctx.getAll() as object)) as string).trim()
        : this.markup;
      const url = resolve(name);
      if (url !== undefined) return url;
      if (kind === 'post_url') {
        throw new Error(
          `Could not find post "${name}" in tag 'post_url'. Make sure the post exists and the name is correct.`,
        );
      }
      throw new Error(
        `Could not find document '${name}' in tag 'link'. Make sure the document exists and the path is correct.`,
      );
    }
  };
}

/**
 * What the two tags look up in a site, each recording what it read. Jekyll 4 prefixes both urls
 * with the baseurl (`relative_url`).
 */
export function siteUrlLookups(
  site: Site,
  recorder: DependencyRecorder,
): {
  postUrl(name: string): string | undefined;
  linkUrl(relativePath: string): string | undefined;
} {
  return {
    postUrl: (name) => {
      recorder.uses(Dependency.list('posts'));
      const url = site.posts.docs.find((doc) => postMatches(doc.relativePath, name))?.url;
      return url === undefined ? undefined : relativeUrl(site.config, url);
    },
    linkUrl: (relative) => {
      recorder.uses(Dependency.anyList);
      const url = linkTarget(site, relative);
      return url === undefined ? undefined : relativeUrl(site.config, url);
    },
  };
}

/** `post_url`'s name: a post's path without its extension, or its end after a `/`, or its file name. */
function postMatches(relativePath: string, name: string): boolean {
  const base = relativePath.replace(/\.[^.]+$/, '');
  return base.endsWith(`/${name}`) || base === name || path.posix.basename(base) === name;
}

/** `link`'s path: a page, a document (under collections_dir) or a static file of the site. */
function linkTarget(site: Site, relative: string): string | undefined {
  const clean = relative.replace(/^\/+/, '');
  for (const page of site.pages) if (page.relativePath === clean) return page.url;
  for (const doc of site.documents)
    if (path.posix.join(site.collectionsDir, doc.relativePath) === clean) return doc.url;
  for (const file of site.staticFiles) if (file.relativePath === clean) return file.url;
  return undefined;
}
