/**
 * Hostile Markdown stays cheap: for each family of pathological documents (runs of delimiters,
 * unclosed tags and brackets, deep nesting, huge tables and lines, many definitions), the work
 * kramdown's parser does at size 4n is at most about 4× (asserted: 5×) its work at size n. Work
 * is counted in scanner steps (regexp runs and the characters they examine), never timed: these
 * machines are shared. Pages nested thousands deep fail with a located error, and a 10 MB page
 * converts in bounded memory (measured in a child process).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import fc from 'fast-check';
import { BuildFailed, build } from '../../src/build.ts';
import { SiteError } from '../../src/errors.ts';
import { createKramdown, NestingTooDeep } from '../../src/render/kramdown/index.ts';
import { scannerWork } from '../../src/render/kramdown/scanner.ts';
import { tempDir, tempSite } from '../support/temp-site.ts';

const convert = createKramdown();
const lines = (n: number, line: (i: number) => string) =>
  `${Array.from({ length: n }, (_, i) => line(i)).join('\n')}\n`;

/** Each family makes a document whose size grows linearly with n. */
const FAMILIES: Record<string, (n: number) => string> = {
  'a run of *': (n) => `a ${'*'.repeat(n)}\n`,
  'a run of _': (n) => `a ${'_'.repeat(n)}\n`,
  'a run of `': (n) => `a ${'`'.repeat(n)}\n`,
  'a run of [': (n) => `${'['.repeat(n)}\n`,
  'a run of <': (n) => `${'<'.repeat(n)}\n`,
  'unclosed *em': (n) => `${'*a '.repeat(n)}\n`,
  'unclosed _em': (n) => `${'_a '.repeat(n)}\n`,
  'unclosed **strong': (n) => `${'**a '.repeat(n)}\n`,
  'unclosed __strong': (n) => `${'__a '.repeat(n)}\n`,
  'unclosed ***': (n) => `${'***a '.repeat(n)}\n`,
  'unclosed code spans': (n) => `${'`a '.repeat(n)}\n`,
  'code spans of growing fences': (n) =>
    `${Array.from({ length: n }, (_, i) => `${'`'.repeat(1 + (i % 40))}a`).join(' ')}\n`,
  '[ without ]': (n) => `${'[a '.repeat(n)}\n`,
  'images without (': (n) => `${'![a]('.repeat(n)}\n`,
  'a url of (': (n) => `[a](${'('.repeat(n)}\n`,
  // Each unclosed tag nests in the one before: a quarter as many keep 4n under the limits on nesting.
  'unclosed span tags': (n) => `x ${'<span>a '.repeat(Math.ceil(n / 4))}\n`,
  'unclosed block tags': (n) => '<div>\n'.repeat(Math.ceil(n / 2)),
  'unclosed attributes': (n) => `${'<a href="x '.repeat(n)}\n`,
  'unclosed comments': (n) => `${'<!-- '.repeat(n)}\n`,
  'unclosed autolinks': (n) => `${'<http://a '.repeat(n)}\n`,
  'HTML nested': (n) => `${'<div>'.repeat(Math.ceil(n / 2))}a${'</div>'.repeat(Math.ceil(n / 2))}\n`,
  'quote lines of every depth to 30': (n) => lines(n, (i) => `${'>'.repeat(1 + (i % 30))} a`),
  'lists nested 20 deep, repeated': (n) => lines(n, (i) => `${'  '.repeat(i % 20)}- a`),
  'a huge table': (n) =>
    `| a | b | c |\n|---|:-:|--:|\n${lines(n, (i) => `| ${i} | *x* | \`a|b\` \\| <code>c|d</code> |`)}`,
  'a wide table': (n) => `|${'a|'.repeat(n)}\n|${'-|'.repeat(n)}\n`,
  'pipes without separator rows': (n) => lines(n, () => 'a | b'),
  'a long line': (n) => `${'word *em* [l](u) `c` '.repeat(n)}\n`,
  'a long line of typography': (n) => `${'a & b "c" --- d... <<e>> '.repeat(n)}\n`,
  'many link definitions': (n) =>
    `${lines(n, (i) => `[l${i}]: /u${i} "t"`)}\n${Array.from({ length: n }, (_, i) => `[x][l${i}]`).join(' ')}\n`,
  'many footnotes': (n) =>
    `${Array.from({ length: n }, (_, i) => `a[^f${i}]`).join(' ')}\n\n${lines(n, (i) => `[^f${i}]: note ${i}`)}`,
  'many abbreviations': (n) =>
    `${lines(n, (i) => `*[A${i}]: t`)}\n${Array.from({ length: n }, (_, i) => `A${i}`).join(' ')}\n`,
  'unclosed IALs and braces': (n) => `${'{: .a {'.repeat(n)}\n`,
  'unclosed math': (n) => `${'$$a '.repeat(n)}\n`,
  'entities without ;': (n) => `${'&a'.repeat(n)}\n`,
  'a setext header of n lines': (n) => `${'a\n'.repeat(n)}===\n`,
  'an unclosed fence': (n) => `\`\`\`\n${'a\n'.repeat(n)}`,
  // Past the limit on nesting (100) from the smallest n on: the work is the first 100 levels'.
  'a quote nested past the limit': (n) => `${'> '.repeat(4 * n)}a\n`,
  'a list nested past the limit': (n) => `${'- '.repeat(4 * n)}a\n`,
  'markdown="1" nested past the limit': (n) => '<div markdown="1">\n'.repeat(4 * n),
};

/**
 * Unclosed openers, each kind, before what makes kramdown warn or record a footnote reference in
 * the text ahead (a link, HTML, an extension, a footnote marker): each opener's parse ahead to the
 * end of the paragraph gives those warnings once more, so it cannot simply be skipped.
 */
const OPENERS = ['*a ', '_a ', '**a ', '__a ', '[a ', '![a '];
const FOLLOWERS = ['[x]', '<b>', '{:a}', '[x](y', '[^1]', '<span>', '{::comment}'];
for (const opener of OPENERS) {
  // An image's text may hold an image: each unclosed `![` parses ahead inside the one before, so
  // a quarter as many keep 4n under the limit on nesting (MAX_SPAN_NESTING) and the work measured.
  const count = (n: number) => (opener.startsWith('!') ? Math.ceil(n / 4) : n);
  for (const follower of FOLLOWERS) {
    FAMILIES[`unclosed ${opener.trim()} before ${follower}`] = (n) =>
      `${opener.repeat(count(n))}${follower}\n\n[^1]: a note\n`;
  }
  FAMILIES[`unclosed ${opener.trim()}, each followed by a link`] = (n) =>
    `${`${opener}[x] `.repeat(count(n))}\n`;
}
// Here each `![` nests two or three deep (an em's parse ahead inside the image's, and so on).
FAMILIES['every opener in turn before a link'] = (n) => `${OPENERS.join('').repeat(Math.ceil(n / 10))}[x]\n`;
FAMILIES['unclosed [ with one ] at the end'] = (n) => `${'[a '.repeat(n)}]\n`;
FAMILIES['unclosed [ over many lines, a warning on each'] = (n) => lines(n, () => '[a [x] *b <b>c</b> {:a}');

// Links whose text closes and which then give up (no definition, no `)`), nested: each `[` parses
// to its own `]`, in kramdown quadratic work. Ours parse each text once (link-closings.ts).
const nested = (open: string, close: string) => (n: number) => `${open.repeat(n)}${close.repeat(n)}\n`;
FAMILIES['links nested, giving up: [a [a ] ]'] = nested('[a ', '] ');
FAMILIES['links nested, tight: [[a]]'] = (n) => `${'['.repeat(n)}a${']'.repeat(n)}\n`;
FAMILIES['links nested, each followed by ( without )'] = nested('[a ', '](b ');
FAMILIES['links nested, each followed by [] or [id]'] = nested('[a ', '][] ][x] ');
FAMILIES['links nested around emphasis and HTML'] = nested('[a *b* <i>c</i> ', '] ');
FAMILIES['links nested, a warning in each'] = nested('[a {:x} [^none] ', '] ');
FAMILIES['links nested over many lines'] = nested('[a\n', ']\n');
FAMILIES['links nested in an emphasis and in an image'] = (n) =>
  `*x ![y ${'[a '.repeat(n)}${'] '.repeat(n)}] z*\n`;
// An url runs to the `)` balancing its `(`: with one `)` at the end, each link's url scan ran to it.
FAMILIES['urls with ( and one ) at the end'] = (n) => `${'[a](b '.repeat(n)})\n`;
FAMILIES['urls of nested ( and one ) at the end'] = (n) => `${'[a](b (c '.repeat(n)}))\n`;
FAMILIES['urls in <> without > and one ) at the end'] = (n) => `${'[a](<b '.repeat(n)})\n`;
FAMILIES['links nested, the innermost defined'] = (n) =>
  `${'[a '.repeat(n)}[c]${' ]'.repeat(n)}\n\n[c]: /u\n`;

// Images whose text closes and which then give up, nested: kramdown reads each one's text again
// inside the image around it, exponential work. Ours take the inner image's parse instead
// (rules/link.ts). Each image is a span: a quarter as many levels keep 4n under the limit on nesting.
const levels = (n: number) => Math.ceil(n / 4);
const nestedImages = (open: string, close: string) => (n: number) =>
  `${open.repeat(levels(n))}${close.repeat(levels(n))}\n`;
FAMILIES['images nested, giving up: ![a ![a ] ]'] = nestedImages('![a ', '] ');
FAMILIES['images nested, tight: ![![a]]'] = (n) => `${'!['.repeat(levels(n))}a${']'.repeat(levels(n))}\n`;
FAMILIES['images nested, each followed by ( without )'] = nestedImages('![a ', '](b ');
FAMILIES['images nested, each followed by [] or [id]'] = nestedImages('![a ', '][] ][x] ');
FAMILIES['images nested around emphasis, HTML and warnings'] = nestedImages(
  '![a *b* <i>c</i> {:x} [^none] ',
  '] ',
);
FAMILIES['images nested over many lines'] = nestedImages('![a\n', ']\n');
FAMILIES['images nested, one ] at the end'] = (n) => `${'![a '.repeat(levels(n))}]\n`;
FAMILIES['images nested, the inner half closed'] = (n) =>
  `${'![a '.repeat(levels(n))}${'] '.repeat(Math.ceil(levels(n) / 2))}\n`;
FAMILIES['images nested, the innermost an image'] = (n) =>
  `${'![a '.repeat(levels(n))}![c](/d)${' ]'.repeat(levels(n))}\n`;
FAMILIES['images and links nested in turn'] = nestedImages('![a [b ', '] ] ');
FAMILIES['images nested in a link'] = (n) => `[x ${nestedImages('![a ', '] ')(n).trim()} y]\n`;
FAMILIES['images nested in an emphasis'] = (n) => `*x ${nestedImages('![a ', '] ')(n).trim()} y*\n`;

/** Scanner steps to convert `text` (the limit on nesting ends the work early). */
function work(text: string): number {
  scannerWork.steps = 0;
  scannerWork.counting = true;
  try {
    convert(text);
  } catch (error) {
    if (!(error instanceof NestingTooDeep)) throw error;
  } finally {
    scannerWork.counting = false;
  }
  return scannerWork.steps;
}

describe('kramdown: hostile documents cost work linear in their size', () => {
  for (const [name, make] of Object.entries(FAMILIES)) {
    test(name, () => {
      fc.assert(
        fc.property(fc.integer({ min: 150, max: 400 }), (n) => {
          const small = work(make(n));
          const large = work(make(4 * n));
          assert.ok(large <= 5 * small, `${name}: ${small} steps at n = ${n}, ${large} at 4n`);
        }),
        { numRuns: 3 },
      );
    });
  }

  test('random mixes of the same pieces, paragraph after paragraph', () => {
    const piece = fc.constantFrom(
      '*a ',
      '_a ',
      '`a ',
      '[a ',
      '![a](',
      '<span>',
      '<div>\n',
      '| a ',
      '"a ',
      '&a',
      '\n',
      '- ',
      '> ',
      '{: ',
      '$$',
      'a',
      '[a](',
      '<b>',
      '{:a}',
      '**',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 100, max: 200 }),
        (unit, n) => {
          const block = `${unit.join('')}\n\n`;
          const small = work(block.repeat(n));
          const large = work(block.repeat(4 * n));
          assert.ok(
            large <= 5 * small,
            `${JSON.stringify(block)}: ${small} steps at n = ${n}, ${large} at 4n`,
          );
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('kramdown: pages nested thousands deep', () => {
  const site = tempSite({ '_config.yml': 'title: Deep\n', 'index.md': '# Home\n' });
  const destination = tempDir('scholarsite-deep-out-');
  after(() => {
    rmSync(site, { recursive: true, force: true });
    rmSync(destination, { recursive: true, force: true });
  });

  const pages: Record<string, string> = {
    quotes: `${'> '.repeat(5000)}a\n`,
    lists: `${'- '.repeat(5000)}a\n`,
    'markdown HTML': `${'<div markdown="1">\n'.repeat(5000)}a\n${'</div>\n'.repeat(5000)}`,
    'span HTML': `x ${'<span>'.repeat(5000)}a${'</span>'.repeat(5000)}\n`,
    'raw HTML': `<div>\n${'<p>'.repeat(5000)}a\n</div>\n`,
  };
  const limits: Record<string, RegExp> = {
    'span HTML': /nests spans more than 500 levels deep/,
    'raw HTML': /nests HTML elements more than 1000 levels deep/,
  };
  for (const [name, text] of Object.entries(pages)) {
    test(`${name} nested 5,000 deep: a located error naming the page`, async () => {
      writeFileSync(path.join(site, 'deep.md'), `---\ntitle: Deep\n---\n${text}`);
      await assert.rejects(
        build({ source: site, destination, print: () => {}, time: new Date('2025-01-01T00:00:00Z') }),
        (error: unknown) => {
          assert.ok(error instanceof BuildFailed);
          const [problem] = error.diagnostics.errors;
          assert.ok(problem instanceof SiteError, String(problem));
          assert.match(problem.message, limits[name] ?? /nests blocks more than 100 levels deep/);
          assert.match(String(problem.file), /deep\.md$/);
          assert.match(String(problem.hint), /Close the HTML tags/);
          return true;
        },
      );
    });
  }
});

test('a 10 MB page converts in bounded memory', () => {
  // A homepage's prose as academicpages sites write it, repeated to 10 MB.
  const child = `
    import { createKramdown } from ${JSON.stringify(path.resolve('src/render/kramdown/index.ts'))};
    const block = [
      '## Publications',
      '',
      'I am a *PhD student* at the [University](https://example.edu/ "Home"), working on __robust__',
      'learning -- with "colleagues" and <span style="color: red;">friends</span>. Email: a\\[at\\]b.c',
      '<!-- a comment the site keeps -->',
      '',
      '- **A paper title**, A. Author, B. Author. *Conference* 2024. [[PDF]](/files/p.pdf) [[Code]](https://github.com/x/y)',
      '- Another paper, \`code\` and an image ![logo](/images/logo.png){: width="50"}',
      '',
      '| Year | Award |',
      '|------|-------|',
      '| 2023 | Best paper |',
      '',
      '> A quote with a footnote-like mark and a [reference][ref].',
      '',
      '[ref]: https://example.org/ref',
      '',
    ].join('\\n');
    const page = block.repeat(Math.ceil(10e6 / block.length));
    const html = createKramdown()(page);
    console.log(JSON.stringify({ size: page.length, html: html.length, maxRss: process.resourceUsage().maxRSS * 1024 }));
  `;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', child], {
    encoding: 'utf8',
    maxBuffer: 1e6,
  });
  const { size, html, maxRss } = JSON.parse(out) as { size: number; html: number; maxRss: number };
  assert.ok(size >= 10e6 && html > size, `converted ${size} characters into ${html}`);
  assert.ok(maxRss < 1e9, `peak memory ${Math.round(maxRss / 1e6)} MB`);
});
