/**
 * How liquidjs reads include files: from the include folders only (never a file outside them,
 * followed symlinks included), each read as Ruby Liquid reads it like any template. What only the
 * lax parser accepts in an include is a note, not a warning: Jekyll prints "Liquid Warning" for
 * pages and layouts only (Renderer#render_liquid), and stock academicpages includes lean on it.
 */
import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { FS } from 'liquidjs';
import { describeFile } from '../../config/theme.ts';
import type { ProblemInit } from '../../errors.ts';
import { isFile } from '../../stat.ts';
import { LiquidTemplateError, laxProblems, laxRewrite } from './lax.ts';

export interface IncludeFiles extends FS {
  /** The lax notes of a file read before, told again (its parsed form is being used again). */
  warnAgain(file: string): void;
}

export function includeFiles(sourceDir: string, warn: (problem: ProblemInit) => void): IncludeFiles {
  const warnings = new Map<string, ProblemInit[]>();
  const read = (file: string) => {
    const text = readFileSync(file, 'utf8');
    let lax: ReturnType<typeof laxRewrite>;
    try {
      lax = laxRewrite(text);
    } catch (error) {
      if (!(error instanceof LiquidTemplateError)) throw error;
      throw error.toSiteError(describeFile(sourceDir, file), text);
    }
    const found = laxProblems(lax.warnings, describeFile(sourceDir, file), 0, 'verbose');
    warnings.set(file, found);
    for (const problem of found) warn(problem);
    return lax.source;
  };
  const contains = (root: string, file: string) => {
    try {
      const realRoot = realpathSync(root);
      const real = realpathSync(file);
      return real.startsWith(realRoot + path.sep);
    } catch {
      return false;
    }
  };
  return {
    warnAgain: (file) => {
      for (const problem of warnings.get(file) ?? []) warn(problem);
    },
    exists: async (file) => isFile(file),
    existsSync: isFile,
    readFile: async (file) => read(file),
    readFileSync: read,
    // Jekyll joins the name to the folder, so `{% include /x.html %}` is `_includes/x.html`.
    resolve: (dir, file, ext) => path.join(dir, file + ext),
    contains: async (root, file) => contains(root, file),
    containsSync: contains,
    sep: path.sep,
    dirname: path.dirname,
  };
}
