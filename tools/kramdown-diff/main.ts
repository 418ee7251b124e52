/**
 * `npm run kramdown-diff [-- --kind lists|code|blocks|tight|html|rules|html-blocks|spans|emphasis|links|tables|openers|images] [--count N] [--seed S] [--show N]
 * [--file F.md] [--warnings]`: random Markdown documents of one kind (or the one file given), converted by scholarsite and by Jekyll's kramdown (Debian's
 * Jekyll must be installed), compared as the fixture tests compare them (tools/compat/normalise.ts); with
 * `--warnings`, kramdown's warnings too (tools/kramdown-diff/ast.rb's list, in order). Prints the first
 * differing documents with both outputs, then how many differ. A way to find kramdown's corners;
 * a case worth keeping becomes a fixture in test/fixtures/markdown/, its golden made by
 * tools/markdown-goldens.rb.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { resolveOptions } from '../../src/render/kramdown/converter/options.ts';
import { createKramdown } from '../../src/render/kramdown/index.ts';
import { Parser } from '../../src/render/kramdown/parser/parser.ts';
import { normaliseHtml } from '../compat/normalise.ts';
import { GENERATORS, type Random } from './documents.ts';

const { values } = parseArgs({
  options: {
    kind: { type: 'string', default: 'blocks' },
    count: { type: 'string', default: '300' },
    seed: { type: 'string', default: '1' },
    show: { type: 'string', default: '3' },
    file: { type: 'string' },
    warnings: { type: 'boolean', default: false },
  },
});
const generate = GENERATORS[values.kind as keyof typeof GENERATORS];
if (!generate) throw new Error(`--kind is one of ${Object.keys(GENERATORS).join(', ')}`);

let state = Number(values.seed) || 1;
const random: Random = () => {
  state = (state * 1103515245 + 12345) % 2147483648;
  return state / 2147483648;
};
const texts = values.file
  ? [readFileSync(values.file, 'utf8')]
  : Array.from({ length: Number(values.count) }, () => generate(random));

/** Jekyll converts the documents in batches: one Ruby process each, so 10,000 documents stay cheap. */
const BATCH = 1000;
const work = mkdtempSync(path.join(os.tmpdir(), 'kramdown-diff-'));
const expected: string[] = [];
const expectedWarnings: string[][] = [];
try {
  for (let from = 0; from < texts.length; from += BATCH) {
    writeFileSync(path.join(work, 'in.json'), JSON.stringify(texts.slice(from, from + BATCH)));
    execFileSync('ruby', [
      path.join(import.meta.dirname, 'convert.rb'),
      path.join(work, 'in.json'),
      path.join(work, 'out.json'),
    ]);
    expected.push(...(JSON.parse(readFileSync(path.join(work, 'out.json'), 'utf8')) as string[]));
    if (values.warnings) {
      execFileSync('ruby', [
        path.join(import.meta.dirname, 'ast.rb'),
        path.join(work, 'in.json'),
        path.join(work, 'ast.json'),
      ]);
      const parsed = JSON.parse(readFileSync(path.join(work, 'ast.json'), 'utf8')) as {
        warnings: string[];
      }[];
      expectedWarnings.push(...parsed.map((one) => one.warnings));
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const convert = createKramdown();
/** Our warnings for `text`, in kramdown's order, as ast.rb lists them. */
function warningsOf(text: string): string[] {
  const parser = new Parser(resolveOptions({}));
  parser.parse(text);
  return parser.warnings;
}
let differ = 0;
for (const [i, text] of texts.entries()) {
  const ours = convert(text);
  const sameHtml = normaliseHtml(ours).join('\n') === normaliseHtml(expected[i]).join('\n');
  const ourWarnings = values.warnings ? JSON.stringify(warningsOf(text)) : '';
  const sameWarnings = !values.warnings || ourWarnings === JSON.stringify(expectedWarnings[i]);
  if (sameHtml && sameWarnings) continue;
  if (differ++ < Number(values.show)) {
    console.log(`---- document ${i}\n${text}---- kramdown\n${expected[i]}---- scholarsite\n${ours}`);
    if (!sameWarnings)
      console.log(
        `---- kramdown's warnings\n${JSON.stringify(expectedWarnings[i])}\n---- ours\n${ourWarnings}`,
      );
  }
}
console.log(`${differ} of ${texts.length} documents differ (--kind ${values.kind} --seed ${values.seed})`);
process.exitCode = differ ? 1 : 0;
