/**
 * Files in `.jekyll-cache` (compiled Sass, parsed BibTeX, converted Markdown, `-I`'s state,
 * `check`'s link answers): each is written whole or not at all, a temporary file renamed into
 * place, and never fails the command: a full disk or a read-only folder costs the next build
 * time, nothing else.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Whether the file was written. */
export function keepCacheFile(file: string, data: string | NodeJS.ArrayBufferView): boolean {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temporary, data);
    renameSync(temporary, file);
    return true;
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // nothing was left, or nothing can be removed there either
    }
    return false;
  }
}

/**
 * Delete a cache file that no longer holds (gone already is fine). Unlike keeping one, failing
 * to forget it fails the command: a stale file would be trusted by the next build.
 */
export function forgetCacheFile(file: string): void {
  rmSync(file, { force: true });
}
