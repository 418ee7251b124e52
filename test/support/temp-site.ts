/** Small sites written into a temp folder for a test. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function tempSite(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'scholarsite-test-'));
  for (const [name, text] of Object.entries(files)) {
    const target = path.join(root, name);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  return root;
}

/**
 * Removes the pages the last build rendered and kept (see incremental/saved), so that the next
 * build renders every page again from the other caches.
 */
export function forgetRenders(source: string): void {
  const folder = path.join(source, '.jekyll-cache', 'scholarsite');
  if (!existsSync(folder)) return;
  for (const name of readdirSync(folder))
    if (name.startsWith('incremental-')) rmSync(path.join(folder, name), { force: true });
}
