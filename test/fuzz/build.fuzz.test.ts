/**
 * Fuzzing the reader and renderer: random and mutated front matter, Markdown and Liquid are built
 * as a page of a small site. Every outcome must be a site or a located error (a file, and a hint)
 * — never an unhandled exception, never a hang. CI runs a bounded number; `npm run fuzz` many
 * more (FUZZ_RUNS). Inputs that once crashed are kept below as regression cases.
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import fc from 'fast-check';
import { BuildFailed, build } from '../../src/build.ts';
import { SiteError } from '../../src/errors.ts';
import { readTree } from '../support/serve-site.ts';
import { tempDir, tempSite } from '../support/temp-site.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);

const site = tempSite({
  '_config.yml':
    'title: Fuzz\nurl: https://fuzz.example.org\nplugins: [jekyll-feed, jekyll-sitemap, jekyll-seo-tag]\n',
  '_layouts/default.html':
    '<html><head>{% seo %}</head><body>{% include nav.html %}{{ content }}</body></html>\n',
  '_includes/nav.html':
    '<nav>{% for p in site.pages %}<a href="{{ p.url | relative_url }}">{{ p.title }}</a>{% endfor %}</nav>',
  '_data/people.yml': '- name: Ada\n  tags: [maths]\n',
  '_posts/2024-01-01-post.md': '---\ntitle: A post\n---\nA post.\n',
  'index.md': '---\nlayout: default\ntitle: Home\n---\n# Home\n',
});
const destination = tempDir('scholarsite-fuzz-out-');
after(() => {
  rmSync(site, { recursive: true, force: true });
  rmSync(destination, { recursive: true, force: true });
});

/** Build the site with this page in it; a located error is fine, anything else throws. */
async function buildWith(page: string): Promise<void> {
  writeFileSync(path.join(site, 'fuzz.md'), page);
  try {
    await build({ source: site, destination, print: () => {}, time: new Date('2025-01-01T00:00:00Z') });
  } catch (error) {
    if (!(error instanceof BuildFailed)) throw error;
    for (const problem of error.diagnostics.errors) {
      assert.ok(problem instanceof SiteError, `not a located error: ${String(problem)}`);
      assert.ok(problem.file, `an error without a file: ${problem.message}`);
    }
  }
}

// Pieces that reach the corners of each language; random text fills the gaps.
const yamlPiece = fc.constantFrom(
  'title: x',
  'title: "a',
  "title: 'a's'",
  'date: 2024-13-45',
  'date: 2024-01-01 25:00:00',
  'tags: [a, b',
  'tags:\n  - a\n  -',
  'a: &x {b: 1}',
  'c: *x',
  'd: *nope',
  '<<: *x',
  'layout: default',
  'layout: missing',
  'permalink: /../../x/',
  'permalink: /:title/:nope/',
  'published: false',
  'excerpt_separator: ""',
  '\tkey: 1',
  'key: !ruby/object {}',
  'key: |\n  text',
  '- list',
  '? complex',
  'key: 1:20',
  'yes: no',
  '"": empty',
);
const markdownPiece = fc.constantFrom(
  '# Head {#id}',
  '{: .class}',
  '{:toc}',
  '* TOC\n{:toc}',
  '- a\n  - b\n    - c',
  '1. one\n2) two',
  '> quote\n> > deep',
  '```ruby\ncode',
  '```\n```',
  '~~~\nx\n~~~',
  '    indented',
  '| a | b |\n|---|\n| 1 |',
  'Term\n: def',
  '[^1] and [^1]: note',
  '*[HTML]: Hyper',
  '<div markdown="1">*x*</div>',
  '<div>\n*x*\n</div>',
  '$$x^2$$',
  '\\[x\\]',
  '[a](b "t"',
  '![i](',
  '<a href="x">',
  '</div>',
  '<!-- c',
  '{::comment}x{:/}',
  '{::nomarkdown}',
  '**bold *it**',
  '_a_b_',
  '&amp; &#x110000; &bogus;',
  '---',
  '***',
  'line  \nbreak',
  '<script>x</script>',
);
const liquidPiece = fc.constantFrom(
  '{{',
  '}}',
  '{%',
  '%}',
  '{{ page.title }}',
  '{{ page.[include.x] }}',
  '{{ site.data.people[0].name | upcase }}',
  '{% if a %}',
  '{% endif %}',
  '{% for p in site.posts %}',
  '{% endfor %}',
  '{% for i in (1..5) %}{{ i }}{% endfor %}',
  '{% assign x = "a" | append: x %}',
  '{% capture c %}',
  '{% endcapture %}',
  '{% include nav.html %}',
  '{% include nope.html %}',
  '{% include {{ page.x }} %}',
  '{% raw %}',
  '{% endraw %}',
  '{% comment %}',
  '{% highlight ruby %}x{% endhighlight %}',
  '{% case x %}{% when 1 %}a{% endcase %}',
  '{% post_url nope %}',
  '{% link nope.md %}',
  '{{ x | date: "%Y" }}',
  '{{ "a" | nope }}',
  '{{ x | (upcase) }}',
  '{{ 1 | divided_by: 0 }}',
  '{% unless %}',
  '{% cycle %}',
  '{% tablerow x in y %}{% endtablerow %}',
  '{{ page.content }}',
  '{% seo %}',
);
const noise = fc.string({ maxLength: 20 });
const lines = (piece: fc.Arbitrary<string>, max: number) =>
  fc.array(fc.oneof({ weight: 3, arbitrary: piece }, { weight: 1, arbitrary: noise }), { maxLength: max });

const page = fc
  .tuple(
    fc.boolean(),
    lines(yamlPiece, 5),
    lines(fc.oneof(markdownPiece, liquidPiece), 10),
    fc.constantFrom('\n', ' ', ''),
  )
  .map(
    ([fm, yaml, body, sep]) =>
      (fm ? `---\n${yaml.join('\n')}\n---\n` : '') + body.join(sep === '' ? '\n' : sep),
  );

/** A real page of the starter site with a few characters deleted, doubled or replaced. */
const starterPage = readFileSync(
  path.resolve(import.meta.dirname, '../../examples/starter/_pages/about.md'),
  'utf8',
);
const mutated = fc
  .array(
    fc.tuple(
      fc.nat(starterPage.length),
      fc.nat(8),
      fc.constantFrom('', '{', '}', '%', '-', ':', '\n', '"', '|'),
    ),
    {
      minLength: 1,
      maxLength: 6,
    },
  )
  .map((edits) => {
    let text = starterPage;
    for (const [at, length, insert] of edits) text = text.slice(0, at) + insert + text.slice(at + length);
    return text;
  });

describe('fuzzing the build', { timeout: 600_000 }, () => {
  test('generated pages build, or fail with located errors', async () => {
    await fc.assert(fc.asyncProperty(page, buildWith), { numRuns: RUNS });
  });

  test('mutated real pages build, or fail with located errors', async () => {
    await fc.assert(fc.asyncProperty(mutated, buildWith), { numRuns: RUNS });
  });

  // Each build above starts from what the one before it kept; this checks that such a build
  // writes what a full one does, or fails as it does.
  test("a build from the last one's cache writes what a full build writes", async () => {
    const time = new Date('2025-01-01T00:00:00Z');
    const fresh = tempDir('scholarsite-fuzz-full-');
    const outcome = async (options: { destination: string; diskCache: boolean }) => {
      try {
        await build({ source: site, ...options, time, print: () => {} });
        return 'built';
      } catch (error) {
        if (!(error instanceof BuildFailed)) throw error;
        return error.diagnostics.errors.map((problem) => problem.format()).join('\n');
      }
    };
    try {
      await fc.assert(
        fc.asyncProperty(fc.oneof(page, mutated), async (text) => {
          writeFileSync(path.join(site, 'fuzz.md'), text);
          const cached = await outcome({ destination, diskCache: true });
          rmSync(fresh, { recursive: true, force: true });
          const full = await outcome({ destination: fresh, diskCache: false });
          assert.equal(cached, full, JSON.stringify(text));
          if (cached !== 'built') return;
          const expected = readTree(fresh);
          const actual = readTree(destination);
          assert.deepEqual([...actual.keys()].sort(), [...expected.keys()].sort(), JSON.stringify(text));
          for (const [file, bytes] of expected)
            assert.equal(
              actual.get(file)?.toString(),
              bytes.toString(),
              `${file}, for ${JSON.stringify(text)}`,
            );
        }),
        { numRuns: Math.ceil(RUNS / 2) },
      );
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });

  test('inputs that once crashed the build', async () => {
    for (const input of REGRESSIONS) await buildWith(input);
  });
});

/** Every crashing input fuzzing found, kept as it was found. */
const REGRESSIONS: string[] = [
  '---\n<<: *x\n---\n', // a merge of an alias never defined: the YAML library threw past the reader
];
