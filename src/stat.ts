/** Is there a file (or a folder) at this path, following links? A missing path is neither. */
import { realpathSync, statSync } from 'node:fs';
import type { ProblemInit } from './errors.ts';

export function isFile(file: string): boolean {
  return statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
}

export function isDirectory(dir: string): boolean {
  return statSync(dir, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

/**
 * Where a folder about to be entered really is, and whether the walk is already inside it (a
 * symbolic link back to a folder that holds it): Jekyll follows such a link until the system says
 * "Too many levels of symbolic links" and stops; with two of them a walk would never end.
 * Undefined when the folder cannot be reached.
 */
export function folderToEnter(
  absolute: string,
  ancestors: readonly string[],
): { real: string; loops: boolean } | undefined {
  try {
    const real = realpathSync(absolute);
    return { real, loops: ancestors.includes(real) };
  } catch {
    return undefined;
  }
}

/** The error for a folder link that leads back to `target` (relative to the site; '' is the site folder). */
export function folderLoopProblem(file: string, target: string): ProblemInit {
  return {
    message: `this folder is a symbolic link to ${target ? `${target}/` : 'the site folder'}, which holds it, so reading it would never end (Jekyll stops with "Too many levels of symbolic links")`,
    file,
    hint: 'Remove the link; outside _data, listing it under `exclude:` in _config.yml also works.',
  };
}
