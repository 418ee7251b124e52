/**
 * Jekyll's `include` (and, through `dirs`, `include_relative`): `Jekyll::Tags::IncludeTag`
 * with its exact markup rules. The name may hold Liquid (`{% include {{ page.x }}.html %}`),
 * parameters are `k=v`, `k="str"` or `k='str'` and become `include.k`, the file is looked up in
 * each folder in turn (extension-less names too), and the include shares the scope of the page:
 * what it assigns is visible after it. Without parameters the surrounding `include` stays, as in
 * Jekyll, which only sets `include` when the tag has parameters.
 */
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import {
  type Context,
  type Emitter,
  type Liquid,
  Tag,
  type TagToken,
  type Template,
  type TopLevelToken,
  Value,
} from 'liquidjs';
import { Dependency } from '../../../site/dependency.ts';
import { isFile } from '../../../stat.ts';

/** What the tag needs from the engine. */
export interface IncludeFiles {
  /** Folders to search, in order, for the template being rendered. */
  dirs(ctx: Context): string[];
  /** Parsed templates of an include file (cached by the engine). */
  load(file: string): Template[];
  /** Jekyll's `safe` mode: an include may not resolve (through a symlink) outside its folder. */
  safe: boolean;
  /** How a folder is named in the "could not locate" message. */
  describeDir(dir: string): string;
  /** Told each file looked up (by name for include, by path for include_relative), for `serve`. */
  uses?(dependency: Dependency): void;
  /**
   * Where each name was found in its folders, for the engine's life (one build): a 4,000-page
   * site otherwise stats the same few files 12,000 times.
   */
  found: Map<string, string | undefined>;
}

/** Ruby Liquid's `Block::MAX_DEPTH`: past it Liquid raises "Nesting too deep". */
const MAX_INCLUDE_DEPTH = 100;
const DEPTH = 'scholarsiteIncludeDepth';

const VALID_SYNTAX = /([\w-]+)\s*=\s*(?:"([^"\\]*(?:\\.[^"\\]*)*)"|'([^'\\]*(?:\\.[^'\\]*)*)'|([\w.-]+))/g;
const VARIABLE_SYNTAX = /(?<variable>[^{]*(\{\{\s*[\w\-.]+\s*(\|.*)?\}\}[^\s{}]*)+)(?<params>.*)/s;
const FULL_VALID_SYNTAX = new RegExp(`^\\s*(?:${VALID_SYNTAX.source}(?=\\s|$)\\s*)*$`);
const VALID_FILENAME_CHARS = /^[\w/.\-()+~#@]+$/m;
const INVALID_SEQUENCES = /[./]{2,}/;

/** What `registerTag` takes (liquidjs does not export its `TagClass`). */
export type TagClass = Parameters<Liquid['registerTag']>[1];

type Param = { key: string; text: string } | { key: string; value: Value };

/**
 * `cache`: jekyll-include-cache's `include_cached`, which renders each file with each set of
 * parameters once a build and gives that output to every later use.
 */
// biome-ignore lint/complexity/noExcessiveLinesPerFunction: a factory: its length is the tag class it returns
export function includeTag(
  tagName: 'include' | 'include_relative',
  files: IncludeFiles,
  cache?: Map<string, string>,
) {
  const example = `{% ${tagName} file.ext param='value' param2='value' %}`;

  return class JekyllIncludeTag extends Tag {
    /** This tag with a cache of its own: `include_cached`. */
    static withCache(): TagClass {
      return includeTag(tagName, files, new Map());
    }

    private readonly file: string;
    /** The name's templates when it holds Liquid. */
    private readonly dynamic?: Template[];
    private readonly params?: Param[];

    constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
      super(token, remainTokens, liquid);
      const markup = token.args.trim();
      const m = VARIABLE_SYNTAX.exec(markup);
      let params: string | undefined;
      if (m?.groups) {
        this.file = m.groups.variable.trim();
        params = m.groups.params.trim();
        this.dynamic = liquid.parse(this.file);
      } else {
        const at = markup.search(/\s/);
        this.file = at < 0 ? markup : markup.slice(0, at);
        params = at < 0 ? undefined : markup.slice(at).replace(/^\s+/, '');
      }
      if (params === undefined) return;
      if (!FULL_VALID_SYNTAX.test(params)) {
        throw new Error(`Invalid syntax for ${tagName} tag: "${params}". Valid syntax: ${example}`);
      }
      this.params = [];
      for (const [, key, double, single, variable] of params.matchAll(VALID_SYNTAX)) {
        if (double !== undefined) this.params.push({ key, text: double.replaceAll('\\"', '"') });
        else if (single !== undefined) this.params.push({ key, text: single.replaceAll("\\'", "'") });
        else this.params.push({ key, value: new Value(variable, liquid) });
      }
    }

    *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      const name = this.dynamic
        ? ((yield this.liquid.renderer.renderTemplates(this.dynamic, ctx)) as string)
        : this.file;
      if (INVALID_SEQUENCES.test(name) || !VALID_FILENAME_CHARS.test(name)) {
        throw new Error(
          `Invalid syntax for include tag. File contains invalid characters or sequences: ${name}. Valid syntax: ${example}`,
        );
      }
      const dirs = files.dirs(ctx);
      // Found or not: creating the file later must re-render this page.
      if (tagName === 'include') files.uses?.(Dependency.include(name));
      else for (const dir of dirs) files.uses?.(Dependency.file(path.join(dir, name)));
      const key = `${dirs.join('\0')}\0${name}`;
      if (!files.found.has(key)) files.found.set(key, locate(dirs, name, files.safe));
      const file = files.found.get(key);
      if (!file) {
        const where = dirs.map((dir) => `"${files.describeDir(dir)}"`).join(', ');
        throw new Error(
          `Could not locate the included file '${name}' in any of [${where}]. Ensure it exists in one of those directories and${
            files.safe
              ? ' is not a symlink as those are not allowed in safe mode.'
              : ', if it is a symlink, does not point outside your site source.'
          }`,
        );
      }
      const depth = (ctx.getRegister(DEPTH) as number | undefined) ?? 0;
      if (depth >= MAX_INCLUDE_DEPTH) {
        throw new Error(
          `Nesting too deep: includes are nested more than ${MAX_INCLUDE_DEPTH} deep ('${name}' probably includes itself, directly or through another include)`,
        );
      }
      const templates = files.load(file);
      let scope: Record<string, unknown> = {};
      if (this.params) {
        const include: Record<string, unknown> = {};
        for (const param of this.params) {
          include[param.key] = 'text' in param ? param.text : yield param.value.value(ctx, false);
        }
        scope = { include };
      }
      const cached = cache && cacheKey(file, scope.include);
      if (cached !== undefined && cache?.has(cached)) {
        emitter.write(cache.get(cached));
        return;
      }
      ctx.setRegister(DEPTH, depth + 1);
      ctx.push(scope);
      try {
        if (cached === undefined) yield this.liquid.renderer.renderTemplates(templates, ctx, emitter);
        else {
          const output = (yield this.liquid.renderer.renderTemplates(templates, ctx)) as string;
          cache?.set(cached, output);
          emitter.write(output);
        }
      } finally {
        ctx.pop();
        ctx.setRegister(DEPTH, depth);
      }
    }
  };
}

/** Objects (pages, drops) count by identity, as the gem hashes a drop by its object id. */
const objectIds = new WeakMap<object, number>();
let lastObjectId = 0;

function cacheKey(file: string, params: unknown): string {
  if (!params || typeof params !== 'object') return file;
  const parts = Object.entries(params)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => {
      if (value === null || typeof value !== 'object') return `${name}=${typeof value}:${String(value)}`;
      let id = objectIds.get(value);
      if (id === undefined) {
        id = ++lastObjectId;
        objectIds.set(value, id);
      }
      return `${name}=#${id}`;
    });
  return `${file}\0${parts.join('\0')}`;
}

/** `locate_include_file`: the first folder holding the file (in safe mode, really inside it). */
function locate(dirs: string[], name: string, safe: boolean): string | undefined {
  for (const dir of dirs) {
    const file = path.join(dir, name);
    if (!isFile(file)) continue;
    if (safe && !realpathInside(file, dir)) continue;
    return file;
  }
  return undefined;
}

function realpathInside(file: string, dir: string): boolean {
  try {
    // Jekyll compares against the folder as configured (a plain prefix test).
    return existsSync(file) && realpathSync(file).startsWith(dir);
  } catch {
    return false;
  }
}
