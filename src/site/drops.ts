/**
 * What templates see: Jekyll's drops (`site`, `page`, documents, static files) as plain
 * objects with lazy getters. Made once per build and cached per item, so thousands of
 * documents cost nothing until a template reads them.
 */
import type { Config } from '../config/index.ts';
import { RubyTime } from '../ruby/time.ts';
import { Dependency, type DependencyRecorder } from './dependency.ts';
import type { Collection, Document, Page, Renderable, StaticFile } from './document.ts';
import type { Site } from './site.ts';

export type Drop = Record<string, unknown>;

function define(target: Drop, key: string, get: () => unknown): void {
  Object.defineProperty(target, key, { get, enumerable: true, configurable: true });
}

/**
 * `StaticFileDrop`: its keys in Jekyll's order, then its front matter defaults; the modified
 * time a Ruby Time, printed as Jekyll prints it.
 */
export function staticFileDrop(file: StaticFile): Drop {
  const drop: Drop = {};
  define(drop, 'name', () => file.name);
  define(drop, 'basename', () => file.basename);
  define(drop, 'extname', () => file.extname);
  define(drop, 'path', () => `/${file.relativePath}`);
  define(drop, 'collection', () => file.collection?.label ?? null);
  define(drop, 'modified_time', () => new RubyTime(file.mtime));
  for (const [key, value] of Object.entries(file.data)) if (!(key in drop)) drop[key] = value;
  return drop;
}

export interface DropHooks {
  /** The rendered excerpt of a document (Jekyll renders it on first use). */
  excerptOf(item: Renderable): string | undefined;
}

export class Drops {
  private readonly cache = new WeakMap<object, Drop>();
  private siteDrop: Drop | undefined;
  /** The document being rendered (`site.related_posts` depends on it). */
  current: Renderable | undefined;

  constructor(
    private readonly site: Site,
    private readonly hooks: DropHooks,
    /** Told what templates read (a plain build listens to none of it). */
    private readonly recorder: DependencyRecorder,
  ) {}

  /** A body read from a list depends on that body, not only on the list (see incremental/builder). */
  private readingBody<T>(item: Renderable, get: () => T): () => T {
    return () => {
      this.recorder.uses(Dependency.content(item.sourceFile));
      return get();
    };
  }

  of(item: Renderable): Drop {
    return item.kind === 'page' ? this.page(item) : this.document(item);
  }

  page(page: Page): Drop {
    let drop = this.cache.get(page);
    if (drop) return drop;
    drop = {};
    for (const key of Object.keys(page.data)) define(drop, key, () => page.data[key]);
    const body = <T>(get: () => T) => this.readingBody(page, get);
    define(
      drop,
      'content',
      body(() => page.content),
    );
    define(drop, 'dir', () => page.urlDir);
    define(drop, 'name', () => page.name);
    define(drop, 'path', () => page.path);
    define(drop, 'url', () => page.url);
    if (page.data.excerpt !== undefined || this.site.config.page_excerpts) {
      define(
        drop,
        'excerpt',
        body(() => this.hooks.excerptOf(page) ?? page.data.excerpt),
      );
    }
    this.cache.set(page, drop);
    return drop;
  }

  document(doc: Document): Drop {
    let drop = this.cache.get(doc);
    if (drop) return drop;
    drop = {};
    for (const key of Object.keys(doc.data)) define(drop, key, () => doc.data[key]);
    define(drop, 'collection', () => doc.collection.label);
    const body = <T>(get: () => T) => this.readingBody(doc, get);
    define(
      drop,
      'content',
      body(() => doc.content),
    );
    define(
      drop,
      'output',
      body(() => doc.output),
    );
    define(drop, 'date', () => doc.date);
    define(
      drop,
      'excerpt',
      body(() => this.hooks.excerptOf(doc) ?? ''),
    );
    define(drop, 'id', () => doc.id);
    // Neighbours show another document's title and url: a change there shows here.
    const neighbour = (other: Document | undefined) => {
      const list = Dependency.list(doc.collection.label);
      if (!other) {
        this.recorder.uses(list); // a document added at the end gives this one a neighbour
        return undefined;
      }
      return this.recorder.recording
        ? recordingReads(this.document(other), () => this.recorder.uses(list))
        : this.document(other);
    };
    define(drop, 'next', () => neighbour(doc.next));
    define(drop, 'previous', () => neighbour(doc.previous));
    define(drop, 'path', () => doc.relativePath);
    define(drop, 'relative_path', () => doc.relativePath);
    define(drop, 'url', () => doc.url);
    define(drop, 'name', () => doc.data.name ?? doc.basename);
    define(drop, 'draft', () => doc.data.draft ?? false);
    // `{{ doc }}` prints Jekyll's Document#to_s (its output once rendered, else its content), not
    // the drop's keys: those lead on through `next` and `previous` without end.
    Object.defineProperty(drop, 'toLiquidString', {
      value: body(() => doc.output ?? doc.content),
      enumerable: false,
    });
    this.cache.set(doc, drop);
    return drop;
  }

  staticFile(file: StaticFile): Drop {
    let drop = this.cache.get(file);
    if (drop) return drop;
    drop = staticFileDrop(file);
    this.cache.set(file, drop);
    return drop;
  }

  collection(collection: Collection): Drop {
    let drop = this.cache.get(collection);
    if (drop) return drop;
    drop = { ...collection.metadata };
    define(drop, 'label', () => collection.label);
    define(drop, 'docs', () => {
      this.recorder.uses(Dependency.list(collection.label));
      return collection.docs.map((d) => this.document(d));
    });
    define(drop, 'files', () => {
      this.recorder.uses(Dependency.list('static'));
      return collection.files.map((f) => this.staticFile(f));
    });
    define(drop, 'relative_directory', () => collection.relativeDirectory);
    define(drop, 'directory', () => collection.directory);
    define(drop, 'output', () => collection.output);
    this.cache.set(collection, drop);
    return drop;
  }

  /** `site`: the config, with Jekyll's computed keys on top. */
  // biome-ignore lint/complexity/noExcessiveLinesPerFunction: a list of SiteDrop's keys, one definition each
  siteDropFor(extra: Config = {}): Drop {
    if (this.siteDrop) return this.siteDrop;
    const { site, recorder } = this;
    const drop: Drop = { ...site.config, ...extra };
    const once = <T>(compute: () => T) => {
      let value: T | undefined;
      let done = false;
      return () => {
        if (!done) {
          value = compute();
          done = true;
        }
        return value;
      };
    };
    // Each list records that the template read it (see DependencyRecorder); `site.data` records the keys.
    const listing = (key: Dependency, get: () => unknown) => () => {
      recorder.uses(key);
      return get();
    };
    define(drop, 'time', () => site.time);
    if ('github' in drop)
      define(
        drop,
        'github',
        listing(Dependency.github, () => site.config.github),
      );
    let recordingData: unknown;
    define(drop, 'data', () => {
      if (!recorder.recording) return site.data;
      recordingData ??= trackedData(site.data, recorder);
      return recordingData;
    });
    // Pages can still be added while rendering (Sass source maps, as in Jekyll): cache by size.
    const livePages = <T>(compute: () => T) => {
      let size = -1;
      let value: T | undefined;
      return () => {
        if (size !== site.pages.length) {
          value = compute();
          size = site.pages.length;
        }
        return value;
      };
    };
    define(
      drop,
      'pages',
      listing(
        Dependency.list('pages'),
        livePages(() => site.pages.map((p) => this.page(p))),
      ),
    );
    define(
      drop,
      'html_pages',
      listing(
        Dependency.list('pages'),
        livePages(() => site.pages.filter((p) => p.isHtml || p.url.endsWith('/')).map((p) => this.page(p))),
      ),
    );
    // SiteDrop#posts sorts again, newest first, now that every date is known (drafts').
    define(
      drop,
      'posts',
      listing(
        Dependency.list('posts'),
        once(() =>
          [...site.posts.docs]
            .sort((a, b) => b.date.getTime() - a.date.getTime() || (a.sourcePath < b.sourcePath ? 1 : -1))
            .map((d) => this.document(d)),
        ),
      ),
    );
    define(
      drop,
      'static_files',
      listing(
        Dependency.list('static'),
        once(() => site.listedStaticFiles.map((f) => this.staticFile(f))),
      ),
    );
    define(
      drop,
      'html_files',
      listing(
        Dependency.list('static'),
        once(() =>
          site.listedStaticFiles.filter((f) => f.extname === '.html').map((f) => this.staticFile(f)),
        ),
      ),
    );
    // `Site#documents` includes the static files of collections.
    define(
      drop,
      'documents',
      listing(
        Dependency.anyList,
        once(() =>
          [...site.collections.values()].flatMap((c) => [
            ...c.docs.map((d) => this.document(d)),
            ...c.files.map((f) => this.staticFile(f)),
          ]),
        ),
      ),
    );
    // SiteDrop#collections sorts by label.
    define(
      drop,
      'collections',
      listing(
        Dependency.anyList,
        once(() =>
          [...site.collections.values()]
            .sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0))
            .map((c) => this.collection(c)),
        ),
      ),
    );
    define(
      drop,
      'categories',
      listing(
        Dependency.list('posts'),
        once(() => this.groupPosts('categories')),
      ),
    );
    define(
      drop,
      'tags',
      listing(
        Dependency.list('posts'),
        once(() => this.groupPosts('tags')),
      ),
    );
    define(
      drop,
      'related_posts',
      listing(Dependency.list('posts'), () => this.relatedPosts()),
    );
    for (const collection of site.collections.values()) {
      if (collection.label === 'posts') continue;
      define(
        drop,
        collection.label,
        listing(
          Dependency.list(collection.label),
          once(() => collection.docs.map((d) => this.document(d))),
        ),
      );
    }
    this.siteDrop = drop;
    return drop;
  }

  /** `Site#post_attr_hash`: each category or tag with its posts, newest first. */
  private groupPosts(attribute: 'categories' | 'tags'): Record<string, Drop[]> {
    const groups: Record<string, Document[]> = {};
    for (const post of this.site.posts.docs) {
      const values = post.data[attribute];
      if (!Array.isArray(values)) continue;
      for (const value of values) {
        const key = String(value);
        groups[key] = [...(groups[key] ?? []), post];
      }
    }
    const result: Record<string, Drop[]> = {};
    for (const [name, posts] of Object.entries(groups)) {
      result[name] = [...posts].reverse().map((p) => this.document(p));
    }
    return result;
  }

  /** Without `lsi`: the ten most recent posts other than this one. */
  private relatedPosts(): Drop[] | undefined {
    const current = this.current;
    if (current?.kind !== 'document') return undefined;
    const recent = this.site.posts.docs.slice(-11).reverse();
    return recent
      .filter((post) => post !== current)
      .slice(0, 10)
      .map((post) => this.document(post));
  }
}

/**
 * Properties liquidjs reads of any value to learn what it is (a promise, an iterator, a drop):
 * reading them is not a template reading the value.
 */
const PROBES = new Set(['then', 'next', 'throw', 'return', 'toLiquid', 'liquidMethodMissing', 'constructor']);

/** A drop that calls `record` when a template reads one of its properties. */
function recordingReads(drop: Drop, record: () => void): Drop {
  return new Proxy(drop, {
    get(target, key, receiver) {
      if (typeof key === 'string' && !PROBES.has(key) && key !== 'previous') record();
      return Reflect.get(target, key, receiver);
    },
  });
}

/**
 * `site.data` that records which of its keys a template reads, missing ones included (creating
 * `_data/news.yml` must re-render the page that looked for `site.data.news`).
 */
function trackedData(data: Record<string, unknown>, recorder: DependencyRecorder): unknown {
  return new Proxy(data, {
    get(target, key, receiver) {
      if (typeof key === 'string' && !PROBES.has(key)) recorder.uses(Dependency.data(key));
      return Reflect.get(target, key, receiver);
    },
    has(target, key) {
      if (typeof key === 'string' && !PROBES.has(key)) recorder.uses(Dependency.data(key));
      return Reflect.has(target, key);
    },
    ownKeys(target) {
      recorder.uses(Dependency.anyData);
      return Reflect.ownKeys(target);
    },
  });
}
