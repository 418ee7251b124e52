/**
 * `defaults:` in _config.yml — values applied to documents by scope (`path`, `type`), with
 * Jekyll's precedence: a longer path wins; at equal length a scope with a `type` wins.
 */

import { parseRubyTime } from '../ruby/time.ts';
import { isHash } from '../ruby/values.ts';
import type { Config } from './defaults.ts';
import { deepMerge } from './load.ts';

interface Scope {
  path?: string;
  type?: string;
}

interface DefaultSet {
  scope?: Scope;
  values: Config;
}

const DEPRECATED_TYPES: Record<string, string> = { page: 'pages', post: 'posts', draft: 'drafts' };

export class FrontMatterDefaults {
  private readonly sets: DefaultSet[];
  private readonly cache = new Map<string, DefaultSet[]>();

  constructor(
    defaults: unknown,
    private readonly collectionsDir: string,
    warn: (message: string) => void = () => {},
  ) {
    this.sets = [];
    for (const set of Array.isArray(defaults) ? defaults : []) {
      if (!isHash(set) || !isHash(set.values)) {
        warn(`An invalid front matter default set was found: ${JSON.stringify(set)}`);
        continue;
      }
      const scope = isHash(set.scope) ? { ...(set.scope as Scope) } : undefined;
      if (scope?.type) scope.type = DEPRECATED_TYPES[scope.type] ?? String(scope.type);
      const values = { ...set.values };
      // A date Ruby cannot read stays text: the documents it applies to report it (Jekyll stops too).
      if (values.date != null && !(values.date instanceof Date))
        values.date = parseRubyTime(String(values.date)) ?? values.date;
      this.sets.push({ scope, values });
    }
  }

  /** Every default that applies, merged by precedence (`FrontmatterDefaults#all`). */
  all(relativePath: string, type: string): Config {
    let merged: Config = {};
    let oldScope: Scope | undefined;
    let first = true;
    for (const set of this.matching(relativePath, type)) {
      if (first || hasPrecedence(oldScope, set.scope ?? {})) {
        merged = deepMerge(merged, set.values);
        oldScope = set.scope ?? {};
      } else {
        merged = deepMerge(set.values, merged);
      }
      first = false;
    }
    return merged;
  }

  private matching(relativePath: string, type: string): DefaultSet[] {
    const key = `${type}\0${relativePath}`;
    let sets = this.cache.get(key);
    if (!sets) {
      sets = this.sets.filter((set) => !set.scope || this.applies(set.scope, relativePath, type));
      this.cache.set(key, sets);
    }
    return sets;
  }

  private applies(scope: Scope, relativePath: string, type: string): boolean {
    if (scope.type !== undefined && scope.type !== type) return false;
    const scopePath = scope.path;
    if (typeof scopePath !== 'string' || scopePath === '') return true;
    const sanitized = sanitize(relativePath);
    if (scopePath.includes('*')) return globPrefix(this.stripCollectionsDir(scopePath)).test(sanitized);
    return sanitized.startsWith(this.stripCollectionsDir(scopePath));
  }

  private stripCollectionsDir(scopePath: string): string {
    const dir = this.collectionsDir;
    return dir && scopePath.startsWith(`${dir}/`) ? scopePath.slice(dir.length + 1) : scopePath;
  }
}

function hasPrecedence(oldScope: Scope | undefined, newScope: Scope): boolean {
  if (!oldScope) return true;
  const newPath = sanitize(newScope.path);
  const oldPath = sanitize(oldScope.path);
  if (newPath.length !== oldPath.length) return newPath.length >= oldPath.length;
  if (newScope.type !== undefined) return true;
  return oldScope.type === undefined;
}

function sanitize(value: unknown): string {
  if (typeof value !== 'string' || value === '') return '';
  return value.startsWith('/') ? value.replace(/^\/|(?<=[^/])$/g, '') : value;
}

/** Jekyll globs the scope on disk and then tests `start_with?`; a prefix regex is the same test. */
function globPrefix(glob: string): RegExp {
  const body = glob
    .replace(/^\//, '')
    .split(/(\*\*\/?|\*|\?)/)
    .map((part) => {
      if (part === '**' || part === '**/') return '(?:.*/)?';
      if (part === '*') return '[^/]*';
      if (part === '?') return '[^/]';
      return part.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${body}`);
}
