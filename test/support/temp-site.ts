/** Small sites written into a temp folder for a test. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
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
