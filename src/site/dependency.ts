/**
 * What a page read while it rendered, one key per thing: the renderer, the drops, the Liquid
 * engine and the build time note them (DependencyRecorder#uses), serve, `-I` and cached builds keep them with
 * the page and render it again when one of them changed (incremental/builder.ts). The keys are
 * text, saved as they are between builds; only this module writes or reads them.
 */
import path from 'node:path';

export type Dependency =
  /** A layout by name (`_layouts/default.html` is `default`). */
  | `layout:${string}`
  /** An include by its name under an include folder, found or not. */
  | `include:${string}`
  /** A file by absolute path, found or not (`include_relative`, a Sass import). */
  | `file:${string}`
  /** A top-level key of `site.data`, or `data:*`: all of them. */
  | `data:${string}`
  /** The documents of a collection, `pages`, `static` (the static files), or `list:*`: every list. */
  | `list:${string}`
  /** The rendered body of another item, by its source file. */
  | `content:${string}`
  /** The build time as printed by a date filter (see site/build-time.ts). */
  | `time:${string}`
  /** The build time used in a way only a new render can tell. */
  | 'time'
  /** Any Sass file. */
  | 'sass'
  /** `site.github`. */
  | 'github';

/** The keys, one constructor each. */
export const Dependency = {
  layout: (name: string): Dependency => `layout:${name}`,
  /** Jekyll joins the name to each include folder: `./a/../b.html` and `/b.html` are `b.html`. */
  include: (name: string): Dependency => `include:${path.posix.normalize(name).replace(/^\/+/, '')}`,
  file: (absolutePath: string): Dependency => `file:${absolutePath}`,
  data: (key: string): Dependency => `data:${key}`,
  anyData: 'data:*',
  list: (name: string): Dependency => `list:${name}`,
  anyList: 'list:*',
  content: (sourceFile: string): Dependency => `content:${sourceFile}`,
  /** A date filter's text of the build time, and how to make it again (the filter and its arguments). */
  timeShown: (how: unknown[], text: string): Dependency => `time:${JSON.stringify(how)}\0${text}`,
  timeItself: 'time',
  sass: 'sass',
  github: 'github',
} as const satisfies Record<string, Dependency | ((...args: never[]) => Dependency)>;

/** A key taken apart. */
export type ParsedDependency =
  | { kind: 'layout' | 'include' | 'file' | 'data' | 'list' | 'content'; name: string }
  | { kind: 'time-shown'; how: unknown[]; text: string }
  | { kind: 'time' | 'sass' | 'github' };

/** A key (one read back from a saved build too) taken apart; undefined for text that is none. */
export function parseDependency(key: string): ParsedDependency | undefined {
  if (key === 'time' || key === 'sass' || key === 'github') return { kind: key };
  const colon = key.indexOf(':');
  const kind = key.slice(0, colon);
  const name = key.slice(colon + 1);
  switch (kind) {
    case 'layout':
    case 'include':
    case 'file':
    case 'data':
    case 'list':
    case 'content':
      return { kind, name };
    case 'time': {
      const cut = name.indexOf('\0');
      if (cut < 0) return undefined;
      return {
        kind: 'time-shown',
        how: JSON.parse(name.slice(0, cut)) as unknown[],
        text: name.slice(cut + 1),
      };
    }
    default:
      return undefined;
  }
}

/**
 * Told what the template being rendered reads, so serve, `-I` and cached builds know what a change
 * can affect. One per build, lent to whoever renders (see site/build-services.ts); while no one
 * listens (a plain build, or between renders) a use is nothing.
 */
export class DependencyRecorder {
  private listener: ((dependency: Dependency) => void) | undefined;

  /** Note that the template being rendered depends on this. */
  readonly uses = (dependency: Dependency): void => {
    this.listener?.(dependency);
  };

  /** Whether a render is being recorded (a drop then wraps what it hands out to watch reads). */
  get recording(): boolean {
    return this.listener !== undefined;
  }

  /** Tell `listener` of each use from now on; undefined stops listening. */
  listen(listener: ((dependency: Dependency) => void) | undefined): void {
    this.listener = listener;
  }
}
