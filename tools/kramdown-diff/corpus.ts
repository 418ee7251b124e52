/**
 * `node --import tsx tools/kramdown-diff/corpus.ts [--mirrors DIR] [--show N] [--only TEXT]`: every
 * Markdown file of the real sites mirrored in DIR (bare git directories, as the search tool's
 * fetch leaves them; default /work/.mirror), read at HEAD, front matter dropped, duplicates once,
 * parsed by us and by kramdown (tools/kramdown-diff/ast.rb) and converted by us and by Jekyll
 * (convert.rb). Prints where the first differing trees and HTML differ, then the counts. Rouge's
 * token spans are left out of the HTML comparison. Needs Ruby and Debian's Jekyll; nothing
 * fetched is written outside a temporary folder.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { resolveOptions } from '../../src/render/kramdown/converter/options.ts';
import { createKramdown } from '../../src/render/kramdown/index.ts';
import { type AstNode, kramdownAsts, ourAst } from '../../test/support/kramdown-ast.ts';

const { values } = parseArgs({
  options: {
    mirrors: { type: 'string', default: '/work/.mirror' },
    show: { type: 'string', default: '5' },
    only: { type: 'string' },
  },
});

const FRONT_MATTER = /^---[ \t]*\r?\n[\s\S]*?\r?\n---[ \t]*\r?\n/;
const SKIPPED = /(^|\/)(node_modules|vendor)\//;

function gitDirOf(dir: string): string | undefined {
  if (!statSync(dir).isDirectory()) return undefined;
  if (existsSync(path.join(dir, 'HEAD'))) return dir;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && existsSync(path.join(dir, entry.name, 'HEAD')))
      return path.join(dir, entry.name);
  }
  return undefined;
}

/** Each Markdown body once: [where it is, its text]. */
function markdownOfMirrors(root: string): Array<[string, string]> {
  const seen = new Set<string>();
  const documents: Array<[string, string]> = [];
  for (const repo of readdirSync(root).sort()) {
    if (values.only && !repo.includes(values.only)) continue;
    const gitDir = gitDirOf(path.join(root, repo));
    if (!gitDir) continue;
    const git = (...args: string[]) =>
      execFileSync('git', [`--git-dir=${gitDir}`, ...args], {
        maxBuffer: 1 << 28,
        stdio: ['ignore', 'pipe', 'ignore'],
      });
    let files: string[];
    try {
      files = git('ls-tree', '-r', '--name-only', 'HEAD').toString().split('\n');
    } catch {
      continue;
    }
    for (const file of files.filter((f) => /\.(md|markdown)$/.test(f) && !SKIPPED.test(f))) {
      const body = git('show', `HEAD:${file}`).toString('utf8').replace(FRONT_MATTER, '');
      const digest = createHash('sha1').update(body).digest('hex');
      if (body.trim() === '' || body.length > 100_000 || seen.has(digest)) continue;
      seen.add(digest);
      documents.push([`${repo}/${file}`, body]);
    }
  }
  return documents;
}

/** The path to the first element where two trees differ, and the two elements there. */
function firstDifference(ours: AstNode | undefined, theirs: AstNode | undefined, at: string[] = []): string {
  const same = (a?: AstNode, b?: AstNode) =>
    a?.type === b?.type &&
    isDeepStrictEqual(a?.value, b?.value) &&
    isDeepStrictEqual(a?.attr, b?.attr) &&
    isDeepStrictEqual(a?.options, b?.options);
  if (!ours || !theirs || !same(ours, theirs)) {
    return `${at.join(' > ')}\n  ours   ${JSON.stringify(ours).slice(0, 400)}\n  theirs ${JSON.stringify(theirs).slice(0, 400)}`;
  }
  const count = Math.max(ours.children?.length ?? 0, theirs.children?.length ?? 0);
  for (let i = 0; i < count; i++) {
    const [a, b] = [ours.children?.[i], theirs.children?.[i]];
    if (!isDeepStrictEqual(a, b)) return firstDifference(a, b, [...at, `${b?.type ?? a?.type}[${i}]`]);
  }
  return `${at.join(' > ')} (the warnings)`;
}

const withoutTokenSpans = (html: string) =>
  html.replace(/<pre class="highlight"><code>[\s\S]*?<\/code><\/pre>/g, (code) =>
    code.replace(/<span class="[^"]*">|<\/span>/g, ''),
  );

const documents = markdownOfMirrors(values.mirrors as string);
const texts = documents.map(([, text]) => text);
const work = mkdtempSync(path.join(os.tmpdir(), 'kramdown-corpus-'));
let trees: Array<{ tree: AstNode; warnings: string[] }> = [];
let html: string[] = [];
try {
  for (let start = 0; start < texts.length; start += 500) {
    const batch = texts.slice(start, start + 500);
    trees = trees.concat(kramdownAsts(batch));
    writeFileSync(path.join(work, 'in.json'), JSON.stringify(batch));
    execFileSync('ruby', [
      path.join(import.meta.dirname, 'convert.rb'),
      path.join(work, 'in.json'),
      path.join(work, 'out.json'),
    ]);
    html = html.concat(JSON.parse(readFileSync(path.join(work, 'out.json'), 'utf8')) as string[]);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const options = resolveOptions({});
const convert = createKramdown({});
const show = Number(values.show);
let treesDiffer = 0;
let htmlDiffers = 0;
documents.forEach(([where, text], i) => {
  const ours = ourAst(text, options);
  const theirs = trees[i] as { tree: AstNode; warnings: string[] };
  if (!isDeepStrictEqual(ours, theirs) && treesDiffer++ < show) {
    console.log(`TREE ${where} at ${firstDifference(ours.tree, theirs.tree)}`);
  }
  const [a, b] = [withoutTokenSpans(convert(text)), withoutTokenSpans(html[i] as string)];
  if (a !== b && htmlDiffers++ < show) {
    let k = 0;
    while (a[k] === b[k]) k++;
    console.log(
      `HTML ${where} at ${k}\n  ours   ${JSON.stringify(a.slice(Math.max(0, k - 100), k + 200))}\n  theirs ${JSON.stringify(b.slice(Math.max(0, k - 100), k + 200))}`,
    );
  }
});
console.log(
  `${documents.length} documents: ${treesDiffer} trees and ${htmlDiffers} HTML outputs differ from kramdown's`,
);
