/** Small sites written into a temp folder for a test. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The folders this test process made, removed as it exits (passed or failed). */
const made: string[] = [];
process.on('exit', () => {
  for (const folder of made) rmSync(folder, { recursive: true, force: true });
});

/**
 * A new empty folder in the system's temp folder, removed when the test process ends: a test
 * run leaves the temp folder as it found it.
 */
export function tempDir(prefix = 'scholarsite-test-'): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(folder);
  return folder;
}

export function tempSite(files: Record<string, string>): string {
  const root = tempDir();
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
