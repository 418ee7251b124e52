/**
 * `npm run liquid-diff -- DIR…`: every template under the folders given (real sites, say) read
 * by scholarsite's Liquid (src/render/liquid/lax.ts, then liquidjs) and by Jekyll's, GitHub
 * Pages' Liquid 4.0.4 (Ruby and Debian's Jekyll must be installed; `--liquid system` for 5.4).
 * Prints each file that one refuses and the other reads, and each whose warnings differ (message
 * or line), then the totals. A way to find Ruby Liquid's lax corners; a case worth keeping goes
 * into test/render/liquid/lax/cases.json, its golden made by tools/liquid-lax-goldens.rb.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { splitFrontMatter } from '../../src/read/front-matter.ts';
import { createLiquid } from '../../src/render/liquid/index.ts';
import { laxRewrite } from '../../src/render/liquid/lax.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { liquid: { type: 'string', default: '4.0.4' }, show: { type: 'string', default: '20' } },
});
if (positionals.length === 0) {
  console.error('Usage: npm run liquid-diff -- DIR… [--liquid 4.0.4|system] [--show N]');
  process.exit(2);
}

const TEMPLATE = /\.(html?|md|markdown|xml|txt|json|scss|css)$/;
const SKIPPED = new Set(['node_modules', '_site', '.git', 'vendor', '.jekyll-cache']);
function templates(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    if (SKIPPED.has(entry)) continue;
    const file = path.join(dir, entry);
    const stat = statSync(file, { throwIfNoEntry: false });
    if (stat?.isDirectory()) templates(file, out);
    else if (stat?.isFile() && stat.size < 1_000_000 && TEMPLATE.test(entry)) {
      const text = readFileSync(file, 'utf8');
      if (text.includes('{{') || text.includes('{%')) out.push(file);
    }
  }
  return out;
}

interface Reading {
  error?: string;
  warnings?: { line: number; message: string }[];
}

const files = positionals.flatMap((dir) => templates(path.resolve(dir)));
const ruby = JSON.parse(
  execFileSync('ruby', [path.join(import.meta.dirname, 'parse.rb')], {
    input: files.join('\n'),
    maxBuffer: 1 << 30,
    env: { ...process.env, LIQUID: values.liquid === 'system' ? 'system' : '' },
  }).toString(),
) as Record<string, Reading>;

const engine = createLiquid({
  sourceDir: '/',
  includeDirs: [],
  config: {},
  markdownify: (text) => text,
  scssify: (text) => text,
  postUrl: () => undefined,
  linkUrl: () => undefined,
  warn: () => {},
});
// The plugins' tags, which Ruby has loaded too.
for (const name of ['seo', 'feed_meta', 'avatar', 'gist'])
  engine.liquid.registerTag(name, { parse() {}, render: () => '' });

function ours(file: string): Reading {
  const read = readFileSync(file, 'utf8');
  const text = splitFrontMatter(read)?.body ?? read;
  try {
    const lax = laxRewrite(text);
    engine.liquid.parse(lax.source, file);
    return {
      warnings: lax.warnings.map(({ line, message }) => ({
        line,
        message: message.replace(/^Liquid syntax error: /, ''),
      })),
    };
  } catch (error) {
    return { error: String((error as Error).message).split('\n')[0] };
  }
}

let shown = 0;
let differing = 0;
let warnings = 0;
const show = Number(values.show);
for (const file of files) {
  const theirs = ruby[file] ?? {};
  const mine = ours(file);
  warnings += theirs.warnings?.length ?? 0;
  const same =
    Boolean(theirs.error) === Boolean(mine.error) &&
    JSON.stringify(theirs.warnings ?? []) === JSON.stringify(mine.warnings ?? []);
  if (same) continue;
  differing++;
  if (shown++ >= show) continue;
  console.log(`== ${file}`);
  console.log(`  Jekyll:      ${JSON.stringify(theirs.error ?? theirs.warnings)}`);
  console.log(`  scholarsite: ${JSON.stringify(mine.error ?? mine.warnings)}`);
}
console.log(
  `${files.length} templates, ${warnings} warnings from Jekyll's Liquid ${values.liquid}; ${differing} read otherwise`,
);
