/** Compare two built sites file by file with the normalisers of normalise.ts. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { classifyDifference, type Difference, differenceExcerpt, firstDifferingLine } from './classify.ts';
import { normaliseCss, normaliseHtml, normaliseXml } from './normalise.ts';

/** An HTML page (the files the corpus counts and classifies). */
export const isHtml = (file: string) => /\.html?$/i.test(file);

export type Verdict = 'equal' | 'different' | 'missing' | 'extra';

export interface FileResult {
  file: string;
  verdict: Verdict;
  /** For different files: the first differing lines of the normalised forms. */
  diff?: string;
  /** For different HTML pages: what kind of difference comes first, and the DOM around it, both sides. */
  difference?: Difference;
  excerpt?: string;
}

export function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const absolute = path.join(dir, entry);
      if (statSync(absolute).isDirectory()) walk(absolute);
      else out.push(path.relative(root, absolute).split(path.sep).join('/'));
    }
  };
  walk(root);
  return out.sort();
}

function normalised(file: string, bytes: Buffer, buildTime: number): string[] | undefined {
  const ext = path.extname(file).toLowerCase();
  const text = () => bytes.toString('utf8');
  if (ext === '.html' || ext === '.htm') return normaliseHtml(text(), buildTime);
  if (ext === '.xml' || ext === '.rss' || ext === '.atom') return normaliseXml(text(), buildTime);
  if (ext === '.css') return normaliseCss(text());
  if (ext === '.json' && file.endsWith('redirects.json')) return [JSON.stringify(JSON.parse(text()))];
  if (ext === '.map') {
    // libsass lists every imported file, Dart Sass only those that produced CSS, in another
    // order: a map is the same when it names the same css file and the same set of sources
    // once files without output are left out.
    const map = JSON.parse(text()) as { file?: string; sources?: string[] };
    return [`file: ${map.file}`, `version: ${(map as { version?: number }).version}`];
  }
  return undefined;
}

/** A short context diff of the first difference. */
export function firstDifference(expected: string[], actual: string[], context = 3): string {
  const i = firstDifferingLine(expected, actual);
  const from = Math.max(0, i - context);
  const lines = [`@@ line ${i + 1} @@`];
  for (let k = from; k < i; k++) lines.push(`  ${expected[k]}`);
  for (let k = i; k < Math.min(expected.length, i + context); k++) lines.push(`- ${expected[k]}`);
  for (let k = i; k < Math.min(actual.length, i + context); k++) lines.push(`+ ${actual[k]}`);
  return lines.join('\n');
}

export interface BuildTimes {
  /** When the expected tree was built (a golden's generation time); default now. */
  expected?: number;
  /** When the actual tree was built; default now. */
  actual?: number;
}

/** `expected` is Jekyll's output (or a golden), `actual` is ours. */
export function compareTrees(expected: string, actual: string, times: BuildTimes = {}): FileResult[] {
  const now = Date.now();
  const theirs = listFiles(expected);
  const ours = new Set(listFiles(actual));
  const results: FileResult[] = [];
  for (const file of theirs) {
    if (!ours.has(file)) {
      results.push({ file, verdict: 'missing' });
      continue;
    }
    ours.delete(file);
    const a = readFileSync(path.join(expected, file));
    const b = readFileSync(path.join(actual, file));
    if (a.equals(b)) {
      results.push({ file, verdict: 'equal' });
      continue;
    }
    const na = normalised(file, a, times.expected ?? now);
    const nb = normalised(file, b, times.actual ?? now);
    if (na && nb && na.length === nb.length && na.every((line, k) => line === nb[k])) {
      results.push({ file, verdict: 'equal' });
    } else {
      const html = isHtml(file) && na && nb;
      results.push({
        file,
        verdict: 'different',
        diff: na && nb ? firstDifference(na, nb) : 'bytes differ',
        ...(html ? { difference: classifyDifference(na, nb), excerpt: differenceExcerpt(na, nb) } : {}),
      });
    }
  }
  for (const file of ours) results.push({ file, verdict: 'extra' });
  return results;
}
