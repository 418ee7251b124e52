/**
 * Files an importer writes, marked so that a later run knows them: a file still as written is
 * brought up to date; a file the user has edited (or wrote) is left alone, unless forced.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const MARK = /^# written by scholarsite import \(([0-9a-f]{12})\)[^\n]*\n/m;

const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12);

/** Front matter and body, with the mark as the front matter's last line. */
export function markedFile(frontMatter: string, body: string): string {
  const text = `---\n${frontMatter}---\n${body}`;
  const mark = `# written by scholarsite import (${digest(text)}); once you edit this file, imports leave it alone\n`;
  return `---\n${frontMatter}${mark}---\n${body}`;
}

export type WriteOutcome = 'created' | 'updated' | 'unchanged' | 'kept';

export function writeGenerated(file: string, content: string, force: boolean): WriteOutcome {
  if (existsSync(file)) {
    const current = readFileSync(file, 'utf8');
    if (current === content) return 'unchanged';
    const mark = MARK.exec(current);
    const untouched = mark !== null && digest(current.replace(MARK, '')) === mark[1];
    if (!untouched && !force) return 'kept';
    writeFileSync(file, content);
    return 'updated';
  }
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  return 'created';
}

/** A YAML scalar that reads back as the same string (JSON's quoting is YAML's double-quoted style). */
export const yamlString = (value: string) => JSON.stringify(value);
