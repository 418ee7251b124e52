/**
 * `npm run liquid-random -- [--count N] [--seed S] [--show N]`: random templates of odd Liquid
 * (lax conditions, junk after expressions, `%}}`, dashes, comments, raw, loops, assigns to odd
 * names) rendered by scholarsite and by Jekyll with GitHub Pages' Liquid 4.0.4
 * (tools/liquid-lax-goldens.rb, with the corpus's scope and includes); prints those that differ
 * in output, in failing or not, or in warnings. Where Jekyll fails and we render (a filter given
 * the wrong type), we are the lenient one; the rest are bugs. A case worth keeping goes into
 * test/render/liquid/lax/cases.json.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createLiquid } from '../../src/render/liquid/index.ts';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '400' },
    seed: { type: 'string', default: '1' },
    show: { type: 'string', default: '10' },
  },
});

let state = Number(values.seed) || 1;
const random = () => {
  state = (state * 1103515245 + 12345) % 2147483648;
  return state / 2147483648;
};
const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)] as T;
const times = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));

const VALUES = [
  'page.title',
  'page.tags',
  'page.n',
  'page.list',
  'page.author.name',
  'page.missing',
  '"x"',
  "'y'",
  '3',
  '2.5',
  'nil',
  'true',
  'empty',
  'blank',
  '(1..3)',
  'page.tags[0]',
  'page.[key]',
  'page..title',
  '1abc',
  '"a,b"',
  'page.author["name"]',
];
const OPERATORS = ['==', '!=', '<>', '<', '>', 'contains', '=', ' and ', ' or '];
const FILTERS = [
  'upcase',
  'size',
  'join: ","',
  'append: "!"',
  'split: ","',
  'first',
  'sort',
  '"q"',
  'plus: 1',
  'default: "d"',
  'remove: "l"',
  'slice: 1',
  'join',
  'truncate: 2, ""',
];
const JUNK = ['', ' ', ' junk', '  ', ')', '(', ',', ' |', '|', ':', '%', '}'];
const dash = () => (random() < 0.2 ? '-' : '');

function expression(): string {
  let text = pick(VALUES);
  if (random() < 0.4) text += pick(['|', ' | ', ' |']) + pick(FILTERS);
  if (random() < 0.2) text = pick(['(', '', '']) + text + pick([')', '', '']);
  return random() < 0.3 ? text + pick(JUNK) : text;
}

function condition(): string {
  let text = pick(VALUES);
  for (let i = times(0, 2); i > 0; i--) text += ` ${pick(OPERATORS)} ${pick(VALUES)}`;
  if (random() < 0.25) text = `(${text})${pick(['', ' and true', ' or false'])}`;
  return random() < 0.2 ? text + pick(JUNK) : text;
}

function piece(depth: number): string {
  const r = random();
  const space = pick([' ', '', '  ', '\n']);
  if (r < 0.3)
    return `{{${dash()}${space}${expression()}${space}${dash()}${pick(['}}', '}}', '}}', '%}}', '}}}'])}`;
  if (r < 0.45 && depth < 2)
    return `{%${dash()} if ${condition()} ${dash()}%}${body(depth + 1)}${pick(['', `{% else %}${body(depth + 1)}`, `{% elsif ${condition()} %}${body(depth + 1)}`])}{% endif %}`;
  if (r < 0.55 && depth < 2)
    return `{% for i in ${pick(['page.list', 'page.tags', '(1..3)', 'page.author', 'page.title', '(page.n..5)'])}${pick(['', ' reversed', ' limit:2', ' offset:1', ' limit:2 reversed', ' | sort', ', limit:1'])} %}${body(depth + 1)}${pick(['', '{% else %}E'])}{% endfor %}`;
  if (r < 0.65)
    return `{% assign ${pick(['x', 'a.b', 'x-y', 'z'])} = ${pick(['', expression()])} %}{{ ${pick(['x', 'a.b', 'x-y', 'z'])} }}`;
  if (r < 0.7) return `{% capture ${pick(['x', 'a.b', '"q"'])} %}${body(depth + 1)}{% endcapture %}{{ x }}`;
  if (r < 0.75 && depth < 2)
    return `{% case ${pick(['page.n', 'page.title', '3'])} %}{% when ${pick(['3', '"Hello"', '1, 3', '2 or 3'])} %}W{% else %}O{% endcase %}`;
  if (r < 0.8) return `{% comment %}${body(depth + 1)}{% endcomment %}`;
  if (r < 0.83) return '{% raw %}{{ a }}{% if %}{% endraw %}';
  return pick(['text', ' ', '\n', 'a b', '{ x }', '} %}', "'", '"']);
}

function body(depth: number): string {
  let text = '';
  for (let i = times(1, 3); i > 0; i--) text += piece(depth);
  return text;
}

const fixture = path.resolve(import.meta.dirname, '../../test/render/liquid/lax');
const dir = mkdtempSync(path.join(os.tmpdir(), 'liquid-random-'));
cpSync(path.join(fixture, '_includes'), path.join(dir, '_includes'), { recursive: true });
cpSync(path.join(fixture, 'scope.json'), path.join(dir, 'scope.json'));
const cases = Array.from({ length: Number(values.count) }, (_, i) => {
  let template = '';
  for (let n = times(1, 4); n > 0; n--) template += piece(0);
  return { name: `random ${i}`, template };
});
writeFileSync(path.join(dir, 'cases.json'), JSON.stringify(cases));
execFileSync('ruby', [path.resolve(import.meta.dirname, '../liquid-lax-goldens.rb')], {
  env: { ...process.env, LAX_DIR: dir },
});
const golden = JSON.parse(readFileSync(path.join(dir, 'golden.json'), 'utf8')).results as {
  output?: string;
  error?: string;
  warnings: string[];
}[];
const scope = JSON.parse(readFileSync(path.join(dir, 'scope.json'), 'utf8')) as Record<string, unknown>;

let differing = 0;
for (const [i, { template }] of cases.entries()) {
  const warnings: string[] = [];
  const liquid = createLiquid({
    sourceDir: dir,
    includeDirs: [path.join(dir, '_includes')],
    config: {},
    markdownify: (text) => text,
    scssify: (text) => text,
    postUrl: () => undefined,
    linkUrl: () => undefined,
    warn: (problem) => {
      if (problem.file === 'case.html') warnings.push(problem.message.replace(/^Liquid syntax error: /, ''));
    },
  });
  let output: string | undefined;
  let error: string | undefined;
  try {
    output = liquid.renderSync(template, structuredClone(scope), 'case.html');
  } catch (e) {
    error = (e as Error).message;
  }
  const jekyll = golden[i];
  const jekyllWarnings = jekyll.warnings.map((w) =>
    w.replace(/^Liquid syntax error \(line \d+\): /, '').replace(/ in FILE$/, ''),
  );
  let why = '';
  if (Boolean(jekyll.error) !== Boolean(error))
    why = `Jekyll: ${jekyll.error ?? 'renders'}; scholarsite: ${error ?? 'renders'}`;
  else if (!error && output !== jekyll.output)
    why = `Jekyll: ${JSON.stringify(jekyll.output)}; scholarsite: ${JSON.stringify(output)}`;
  else if (!error && JSON.stringify(jekyllWarnings) !== JSON.stringify(warnings))
    why = `Jekyll warns ${JSON.stringify(jekyllWarnings)}; scholarsite ${JSON.stringify(warnings)}`;
  if (!why) continue;
  if (differing++ < Number(values.show))
    console.log(`== ${JSON.stringify(template)}\n   ${why.split('\n')[0]}`);
}
rmSync(dir, { recursive: true, force: true });
console.log(`${cases.length} random templates, ${differing} rendered otherwise than by Jekyll`);
