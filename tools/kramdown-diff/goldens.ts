/**
 * Makes the parser's goldens from kramdown itself: for each NAME.md of the folders given,
 * kramdown's tree and warnings (NAME.json, as tools/kramdown-diff/ast.rb prints them) and
 * Jekyll's HTML (NAME.html, from tools/kramdown-diff/convert.rb), with the site's `kramdown:`
 * settings from NAME.options.json when there is one. Needs Ruby and Debian's Jekyll.
 * Run: node --import tsx tools/kramdown-diff/goldens.ts test/fixtures/kramdown/html [NAME.md…]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const files = process.argv.slice(2).flatMap((arg) =>
  statSync(arg).isDirectory()
    ? readdirSync(arg)
        .filter((name) => name.endsWith('.md'))
        .sort()
        .map((name) => path.join(arg, name))
    : [arg],
);

interface Parsed {
  tree: { options?: { footnote_count?: number } };
  warnings: string[];
}

/** The root's options but the footnote count say nothing of the text (as test/support/kramdown-ast.ts trims them). */
function trimRoot({ tree, warnings }: Parsed): Parsed {
  const { options, ...rest } = tree;
  const count = options?.footnote_count;
  return { tree: count ? { ...rest, options: { footnote_count: count } } : rest, warnings };
}

/** Cases grouped by their settings, so each group is one run of Ruby. */
const groups = new Map<string, string[]>();
for (const file of files) {
  const optionsFile = file.replace(/\.md$/, '.options.json');
  const settings = existsSync(optionsFile)
    ? JSON.stringify(JSON.parse(readFileSync(optionsFile, 'utf8')))
    : '{}';
  groups.set(settings, [...(groups.get(settings) ?? []), file]);
}

const work = mkdtempSync(path.join(os.tmpdir(), 'kramdown-goldens-'));
try {
  for (const [settings, group] of groups) {
    process.env.KRAMDOWN_CONFIG = settings;
    const texts = group.map((file) => readFileSync(file, 'utf8'));
    writeFileSync(path.join(work, 'in.json'), JSON.stringify(texts));
    execFileSync('ruby', [
      path.join(import.meta.dirname, 'ast.rb'),
      path.join(work, 'in.json'),
      path.join(work, 'ast.json'),
    ]);
    const trees = (JSON.parse(readFileSync(path.join(work, 'ast.json'), 'utf8')) as Parsed[]).map(trimRoot);
    execFileSync('ruby', [
      path.join(import.meta.dirname, 'convert.rb'),
      path.join(work, 'in.json'),
      path.join(work, 'out.json'),
    ]);
    const html = JSON.parse(readFileSync(path.join(work, 'out.json'), 'utf8')) as string[];
    for (const [i, file] of group.entries()) {
      writeFileSync(file.replace(/\.md$/, '.json'), `${JSON.stringify(trees[i], null, 2)}\n`);
      writeFileSync(file.replace(/\.md$/, '.html'), html[i] ?? '');
    }
    console.log(`${group.length} cases with kramdown: ${settings}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
