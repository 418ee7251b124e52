/**
 * `node --import tsx tools/kramdown-diff/rouge-diff.ts [--count N] [--seed S]`: random snippets
 * of code-like text, lexed by each Rouge lexer ported (src/render/kramdown/converter/rouge/) and
 * by Rouge 3.30 itself (Debian's ruby-rouge), compared token for token. Prints the first
 * differences, then how many differ per language. A way to find a lexer's corners; a case worth
 * keeping goes into test/fixtures/kramdown/rouge/LANG.txt (goldens: rouge-goldens.rb).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { rougeTokens } from '../../src/render/kramdown/converter/rouge.ts';

// Every lexer ported has samples in the Rouge goldens; their names are the languages to try.
const GOLDENS = path.resolve(import.meta.dirname, '../../test/fixtures/kramdown/rouge');
const LANGUAGES = readdirSync(GOLDENS)
  .filter((file) => file.endsWith('.txt'))
  .map((file) => file.slice(0, -4));

// Pieces that open and close the lexers' states: quotes, brackets, comments, heredocs, fences…
const PIECES = [...'aZ1 \n\t"\'`\\{}()[]<>/*#%$-+=:;,.|&!?@~^é'];
PIECES.push('if', 'def ', '{%', '%}', '{{', '}}', '---\n', '```', '<<EOF\n', 'EOF\n', '#if 0\n', '/*', '*/');
PIECES.push(
  '"""',
  'f"',
  '|\n  ',
  '- ',
  'key: ',
  'x = 1\n',
  'function ',
  'class ',
  'return ',
  '0x1F',
  '3.5e2',
);
PIECES.push('%w(', '%r{', '<<~EOS\n', 'EOS\n', ':sym', '#{', '?a', 'end\n', 'do |x|', '@ivar');

const { values } = parseArgs({
  options: { count: { type: 'string', default: '400' }, seed: { type: 'string', default: '1' } },
});
let state = Number(values.seed) || 1;
const random = (n: number) => {
  state = (state * 1103515245 + 12345) % 2147483648;
  return state % n;
};

const cases: Array<[string, string]> = [];
for (let i = 0; i < Number(values.count); i++) {
  for (const language of LANGUAGES) {
    cases.push([
      language,
      Array.from({ length: 1 + random(40) }, () => PIECES[random(PIECES.length)]).join(''),
    ]);
  }
}

const work = mkdtempSync(path.join(os.tmpdir(), 'rouge-diff-'));
writeFileSync(path.join(work, 'in.json'), JSON.stringify(cases));
const ruby = `require "json"; require "rouge"
cases = JSON.parse(File.read(ARGV[0]))
File.write(ARGV[1], JSON.generate(cases.map { |lang, text| Rouge::Formatters::HTML.new.format(Rouge::Lexer.find(lang).lex(text)) }))`;
execFileSync('ruby', ['-e', ruby, path.join(work, 'in.json'), path.join(work, 'out.json')]);
const expected = JSON.parse(readFileSync(path.join(work, 'out.json'), 'utf8')) as string[];
rmSync(work, { recursive: true, force: true });

const differ: Record<string, number> = {};
for (const [i, [language, text]] of cases.entries()) {
  const ours = rougeTokens(language, text);
  if (ours === undefined || ours === expected[i]) continue;
  if (Object.values(differ).reduce((a, b) => a + b, 0) < 5) {
    console.log(`---- ${language}: ${JSON.stringify(text)}\nrouge: ${expected[i]}\nours:  ${ours}`);
  }
  differ[language] = (differ[language] ?? 0) + 1;
}
console.log(`${cases.length} snippets; differing by language: ${JSON.stringify(differ)}`);
process.exitCode = Object.keys(differ).length > 0 ? 1 : 0;
