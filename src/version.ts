/** scholarsite's own version, from its package.json. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** When the source was last changed; the bundle has it written in (see tools/bundle.ts). */
declare const SCHOLARSITE_SOURCE_TIME: number | undefined;

/** This file runs from src/ (one folder below the package) or inside the bundle in dist/cli/ (two). */
const packageJson = new URL(
  typeof SCHOLARSITE_SOURCE_TIME === 'number' ? '../../package.json' : '../package.json',
  import.meta.url,
);

let known: string | undefined;

export function version(): string {
  known ??= (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
  return known;
}

let stamp: string | undefined;

/**
 * The version and the time of the newest source file, for the caches between builds: a cache
 * written by other code (a newer scholarsite, or the same version changed in development) is not
 * trusted. The bundle and the source it was made from (run with tsx) give the same stamp.
 */
export function codeStamp(): string {
  stamp ??= `${version()}@${
    typeof SCHOLARSITE_SOURCE_TIME === 'number'
      ? SCHOLARSITE_SOURCE_TIME
      : newestSourceTime(path.dirname(fileURLToPath(import.meta.url)))
  }`;
  return stamp;
}

/** The newest modification time (ms) of the files under `src`. */
export function newestSourceTime(src: string): number {
  let newest = 0;
  for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}
