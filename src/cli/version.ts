/** scholarsite's own version, from its package.json (two folders up from src/cli/ and dist/cli/). */
import { readFileSync } from 'node:fs';

let known: string | undefined;

export function version(): string {
  known ??= (
    JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
  ).version;
  return known;
}
