/**
 * The bad-input battery: one case per mistake a researcher can make in a file, each asserting
 * the exact message (file, line, column, hint), the exit code, and that the site built before
 * is still there, whole. Where Jekyll stops the build we exit 1; where Jekyll only warns we warn,
 * build, and `--strict` makes it an error.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { runCli } from '../support/cli.ts';
import { tempSite } from '../support/temp-site.ts';

const FAIL_WRITES = path.resolve(import.meta.dirname, '../support/fail-writes.mjs');

interface Built {
  source: string;
  site: string;
}

/** A site that builds, built once, then given the bad files. */
function brokenSite(files: Record<string, string | Buffer>): Built {
  const source = tempSite({ 'index.html': '---\n---\n<p>good</p>\n', '_config.yml': 'title: T\n' });
  const first = runCli(['build', '-s', source]);
  assert.equal(first.code, 0, first.stderr);
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(source, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return { source, site: path.join(source, '_site') };
}

function assertOldSiteKept({ source, site }: Built): void {
  assert.equal(readFileSync(path.join(site, 'index.html'), 'utf8'), '<p>good</p>\n');
  assert.deepEqual(readdirSync(site), ['index.html']);
  const leftovers = readdirSync(source).filter((name) => /^\._site\.(tmp|old)-/.test(name));
  assert.deepEqual(leftovers, [], 'no half-written site is left beside it');
}

function assertLines(stderr: string, lines: string[]): void {
  const printed = stderr.split('\n');
  for (const line of lines)
    assert.ok(printed.includes(line), `missing line ${JSON.stringify(line)} in:\n${stderr}`);
  assert.doesNotMatch(stderr, /\n\s+at .*:\d+:\d+\)?\n/, 'no stack trace');
  assert.doesNotMatch(stderr, /stopped unexpectedly/);
}

/**
 * What Jekyll builds without a word: the build says nothing of it (and passes --strict); with
 * --verbose it prints these lines as a note.
 */
function notes(files: Record<string, string | Buffer>, lines: string[]): Built {
  const built = brokenSite(files);
  const quiet = runCli(['build', '-s', built.source, '--strict']);
  assert.equal(quiet.code, 0, quiet.stderr);
  assert.doesNotMatch(quiet.stderr, /Warning/);
  const verbose = runCli(['build', '-s', built.source, '--verbose', '--disable-disk-cache']);
  assert.equal(verbose.code, 0, verbose.stderr);
  assertLines(verbose.stdout, lines);
  return built;
}

/** The build fails with exactly these lines, exit code 1, and the old site kept. */
function fails(
  files: Record<string, string | Buffer>,
  lines: string[],
  options: { args?: string[]; env?: Record<string, string> } = {},
): void {
  const built = brokenSite(files);
  const result = runCli(['build', '-s', built.source, ...(options.args ?? [])], { env: options.env });
  assert.equal(result.code, 1, result.stderr);
  assertLines(result.stderr, lines);
  assert.match(result.stderr, /Build failed: .*The previous site was left as it was\.\n$/);
  assertOldSiteKept(built);
}

/** Jekyll warns and builds: so do we, with exactly these lines; `--strict` fails and keeps the old site. */
function warns(files: Record<string, string | Buffer>, lines: string[]): Built {
  const built = brokenSite(files);
  const strict = runCli(['build', '-s', built.source, '--strict']);
  assert.equal(strict.code, 1, strict.stderr);
  // Front matter that does not parse becomes an error; other warnings stay warnings that fail the build.
  const asError = (line: string) => line.replace(/^Warning: /, 'Error: ');
  const printed = strict.stderr.split('\n');
  for (const line of lines)
    assert.ok(printed.includes(line) || printed.includes(asError(line)), strict.stderr);
  assertOldSiteKept(built);
  const result = runCli(['build', '-s', built.source]);
  assert.equal(result.code, 0, result.stderr);
  assertLines(result.stderr, lines);
  return built;
}

describe('front matter', () => {
  test('a tab used for indentation', () => {
    warns({ 'broken.md': '---\ntitle: x\n\tbad: 1\n---\ntext\n' }, [
      'Warning: broken.md:3:1: invalid YAML: Tabs are not allowed as indentation',
      '  Hint: YAML does not allow tabs for indentation: use spaces.',
    ]);
  });

  test('an unclosed quote', () => {
    warns({ 'broken.md': '---\ntitle: "Notes\n---\ntext\n' }, [
      'Warning: broken.md:2:8: invalid YAML: Missing closing "quote',
      '  Hint: Check that every quote you open is closed.',
    ]);
  });

  test('an apostrophe inside a single-quoted value', () => {
    warns({ 'broken.md': "---\ntitle: 'Ada's notes'\n---\ntext\n" }, [
      'Warning: broken.md:2:12: invalid YAML: Unexpected scalar at node end',
      "  Hint: Inside a single-quoted value, write an apostrophe as two ('') or use double quotes.",
    ]);
  });

  test('a key set twice is a note (Jekyll says nothing), shown with --verbose and by check', () => {
    const built = brokenSite({ 'broken.md': '---\ntitle: First\ntitle: Second\n---\n{{ page.title }}\n' });
    const quiet = runCli(['build', '-s', built.source, '--strict']);
    assert.equal(quiet.code, 0, quiet.stderr);
    assert.doesNotMatch(quiet.stderr, /set twice/);
    assert.equal(readFileSync(path.join(built.site, 'broken.html'), 'utf8'), '<p>Second</p>\n');
    const verbose = runCli(['build', '-s', built.source, '--verbose']);
    assertLines(verbose.stdout, [
      'Note: broken.md:3:1: "title" is set twice here; the last value is the one used',
      '  Hint: Remove one of the two "title:" lines.',
    ]);
    const check = runCli(['check', '-s', built.source]);
    assert.match(check.stdout, /Warning: broken\.md:3: "title" is set twice here; .*\[build\]/);
  });

  test('front matter that is a list, not settings', () => {
    warns({ 'broken.md': '---\n- a\n- b\n---\ntext\n' }, [
      'Warning: broken.md:2: the front matter is not a list of `key: value` settings',
      '  Hint: Write front matter as `key: value` lines between the two `---` lines.',
    ]);
  });
});

describe('dates Ruby cannot read (Jekyll stops the build)', () => {
  const hint =
    '  Hint: Write the date as YYYY-MM-DD, or YYYY-MM-DD HH:MM:SS +/-TTTT with a time; leave the key out when there is no date.';
  // Each of these makes Jekyll 4.3.1 print "Invalid date '…': Document '…' does not have a valid date" and stop.
  for (const [date, shown] of [
    ['12/31/99', '12/31/99'],
    ['Fall 2019', 'Fall 2019'],
    ['2020', '2020'],
    ['', ''],
  ]) {
    test(`a post dated ${JSON.stringify(date)}`, () => {
      fails({ '_posts/2020-01-05-talk.md': `---\ntitle: Talk\ndate: ${date}\n---\ntext\n` }, [
        `Error: _posts/2020-01-05-talk.md:3: Invalid date '${shown}': this document's date in its front matter is not one Ruby's Time.parse can read, and Jekyll stops the build on it`,
        hint,
      ]);
    });
  }

  test('a front matter default with a date Ruby cannot read', () => {
    fails(
      {
        '_config.yml':
          'title: T\ndefaults:\n  - scope: { type: posts }\n    values: { date: "Spring 2020" }\n',
        '_posts/2020-01-05-talk.md': '---\ntitle: Talk\n---\ntext\n',
      },
      [
        "Error: _config.yml: Invalid date 'Spring 2020': this document's date from the front matter defaults in _config.yml is not one Ruby's Time.parse can read, and Jekyll stops the build on it",
      ],
    );
  });

  test('a post whose file name holds no real date', () => {
    fails({ '_posts/2020-13-45-talk.md': '---\ntitle: Talk\n---\ntext\n' }, [
      "Error: _posts/2020-13-45-talk.md: Invalid date '2020-13-45': the date in this file's name is not a real date, and Jekyll stops the build on it",
      '  Hint: Name the file YYYY-MM-DD-title.md with a real month (01–12) and day.',
    ]);
  });

  test('a time: in _config.yml Ruby cannot read', () => {
    fails({ '_config.yml': 'title: T\ntime: next week\n' }, [
      "Error: _config.yml: Invalid time 'next week' in _config.yml: Ruby's Time.parse cannot read it, and Jekyll stops the build on it",
      '  Hint: Write it as YYYY-MM-DD HH:MM:SS +/-TTTT, or remove `time:` to use the time of the build.',
    ]);
  });

  test('a page keeps a date Ruby cannot read as text, as Jekyll does', () => {
    const built = brokenSite({ 'about.html': '---\ndate: Spring 2020\n---\n<p>{{ page.date }}</p>\n' });
    const result = runCli(['build', '-s', built.source]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(readFileSync(path.join(built.site, 'about.html'), 'utf8'), '<p>Spring 2020</p>\n');
  });

  test('a text filter given a number stops the build, as Jekyll does', () => {
    // A post tagged `[2019]`: Jekyll 4.3.1 stops with this NoMethodError on `{{ tag | slugify }}`.
    fails(
      {
        '_posts/2020-01-01-a.md':
          '---\ntags: [2019, ai]\n---\n{% for t in page.tags %}{{ t | slugify }} {% endfor %}\n',
      },
      ["Error: _posts/2020-01-01-a.md:4:25: Liquid: undefined method `gsub' for 2019:Integer"],
    );
  });

  test('number_of_words on nothing stops the build, as Jekyll does', () => {
    fails({ 'count.html': '---\n---\n<p>{{ page.missing | number_of_words }}</p>\n' }, [
      "Error: count.html:3:4: Liquid: undefined method `split' for nil:NilClass",
    ]);
  });

  test('a date filter given text that is no date stops the build, as Jekyll does', () => {
    fails({ 'when.html': '---\n---\n<p>{{ "soon" | date_to_xmlschema }}</p>\n' }, [
      `Error: when.html:3:4: Liquid: Invalid Date: '"soon"' is not a valid datetime.`,
    ]);
  });
});

describe('_config.yml', () => {
  test('a tab used for indentation', () => {
    fails({ '_config.yml': 'title: T\n\tauthor: me\n' }, [
      'Error: _config.yml:2:1: invalid YAML: Tabs are not allowed as indentation',
      '  Hint: YAML does not allow tabs for indentation: use spaces.',
    ]);
  });

  test('an unclosed quote', () => {
    fails({ '_config.yml': 'title: "My site\nurl: https://x.org\n' }, [
      'Error: _config.yml:1:8: invalid YAML: Missing closing "quote',
      '  Hint: Check that every quote you open is closed.',
    ]);
  });

  test('an apostrophe inside a single-quoted value', () => {
    fails({ '_config.yml': "title: 'Ada's site'\n" }, [
      'Error: _config.yml:1:12: invalid YAML: Unexpected scalar at node end',
      "  Hint: Inside a single-quoted value, write an apostrophe as two ('') or use double quotes.",
    ]);
  });

  test('a kramdown setting kramdown refuses', () => {
    fails({ '_config.yml': 'title: T\nkramdown:\n  toc_levels: 1-3\n' }, [
      'Error: _config.yml: kramdown: Invalid syntax for option toc_levels',
      "  Hint: Correct that setting under 'kramdown:' (kramdown's documentation lists each option's values).",
    ]);
  });

  test("markdown: gfm, GitHub Pages' CommonMark, is converted with kramdown and the site told so", () => {
    const built = warns({ '_config.yml': 'title: T\nmarkdown: gfm\n', 'page.md': '---\n---\n# Hi\n' }, [
      "Warning: _config.yml: markdown: gfm is GitHub Pages' CommonMark converter, which scholarsite does not have; Markdown is converted with kramdown (GFM input) instead",
      '  Hint: Remove the markdown: setting (kramdown is the default) to build as scholarsite does, or check the pages that differ.',
    ]);
    assert.equal(readFileSync(path.join(built.site, 'page.html'), 'utf8'), '<h1 id="hi">Hi</h1>\n');
  });

  test('a key set twice keeps the last, as Jekyll reads it, with a note for --verbose', () => {
    const built = brokenSite({
      '_config.yml': 'title: First\nurl: https://x.org\ntitle: Second\n',
      'index.html': '---\n---\n{{ site.title }}\n',
    });
    const result = runCli(['build', '-s', built.source, '--verbose']);
    assert.equal(result.code, 0, result.stderr);
    assert.doesNotMatch(result.stderr, /set twice/);
    assertLines(result.stdout, [
      'Note: _config.yml:3:1: "title" is set twice here; the last value is the one used',
      '  Hint: Remove one of the two "title:" lines.',
    ]);
    assert.equal(readFileSync(path.join(built.site, 'index.html'), 'utf8'), 'Second\n');
  });
});

describe('encodings and file contents', () => {
  test('bytes that are not UTF-8', () => {
    warns(
      {
        'broken.md': Buffer.concat([
          Buffer.from('---\n---\nCaf'),
          Buffer.from([0xe9]),
          Buffer.from(' au lait\n'),
        ]),
      },
      [
        'Warning: broken.md:3:4: this file is not UTF-8 text: bytes that are not UTF-8 were replaced by "\uFFFD"',
        '  Hint: Save the file as UTF-8 in your editor (it was probably saved as Latin-1 or Windows-1252).',
      ],
    );
  });

  test('a UTF-8 byte order mark is read past, as Jekyll does', () => {
    const built = brokenSite({ 'bom.md': '\uFEFF---\ntitle: With a BOM\n---\n{{ page.title }}\n' });
    const result = runCli(['build', '-s', built.source, '--strict']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(readFileSync(path.join(built.site, 'bom.html'), 'utf8'), '<p>With a BOM</p>\n');
  });

  test('a binary file that starts with ---', () => {
    warns(
      {
        'photo.md': Buffer.concat([
          Buffer.from('---\n---\n'),
          Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]),
        ]),
      },
      [
        'Warning: photo.md:3: this file starts with a front matter line (---) but holds binary data; it was skipped',
        '  Hint: A file to copy as it is must not start with ---; a page must be saved as text (UTF-8).',
      ],
    );
  });

  test('a 50 MB Markdown file', () => {
    const paragraph = 'Lorem ipsum *dolor* sit amet, [a link](https://example.org), consectetur.\n\n';
    fails({ 'huge.md': `---\ntitle: Huge\n---\n${paragraph.repeat(Math.ceil(50e6 / paragraph.length))}` }, [
      'Error: huge.md: this file is 50 million characters long; pages and documents may have at most 10 million',
      '  Hint: Split it into several pages. A file that should be copied as it is must not start with --- (then any size is fine).',
    ]);
  });
});

describe('Liquid', () => {
  test('an unclosed tag', () => {
    fails({ 'broken.html': '---\n---\n{% if page.title %}\nno end\n' }, [
      'Error: broken.html:3:1: Liquid: tag {% if page.title %} not closed',
      '  Hint: Add the matching end tag (e.g. {% endif %} for {% if %}).',
    ]);
  });

  test('misnested tags', () => {
    fails({ 'broken.html': '---\n---\n{% if a %}{% for x in y %}{% endif %}{% endfor %}\n' }, [
      'Error: broken.html:3:27: Liquid: tag "endif" not found',
      '  Hint: This tag does not exist in Jekyll; check its spelling, or wrap literal braces in {% raw %}…{% endraw %}.',
    ]);
  });

  test('an unknown tag', () => {
    fails({ 'broken.html': '---\n---\n<p>\n{% frobnicate %}\n' }, [
      'Error: broken.html:4:1: Liquid: tag "frobnicate" not found',
      '  Hint: This tag does not exist in Jekyll; check its spelling, or wrap literal braces in {% raw %}…{% endraw %}.',
    ]);
  });

  test('an include that does not exist', () => {
    fails({ 'broken.html': '---\n---\n\n{% include footer.html %}\n' }, [
      `Error: broken.html:4:1: Liquid: Could not locate the included file 'footer.html' in any of ["_includes"]. Ensure it exists in one of those directories and, if it is a symlink, does not point outside your site source.`,
      '  Hint: Create the file in _includes/, or correct the name in the include tag.',
    ]);
  });

  test('includes that include each other', () => {
    fails(
      {
        '_includes/a.html': '{% include b.html %}',
        '_includes/b.html': '{% include a.html %}',
        'broken.html': '---\n---\n{% include a.html %}\n',
      },
      [
        "Error: _includes/b.html:1:1: Liquid: Nesting too deep: includes are nested more than 100 deep ('a.html' probably includes itself, directly or through another include)",
        '  Hint: Look for an include that includes itself.',
      ],
    );
  });

  test('deep recursion through an include that counts', () => {
    fails(
      {
        '_includes/r.html': '{% assign n = include.n | plus: 1 %}{% include r.html n=n %}',
        'broken.html': '---\n---\n{% include r.html n=0 %}\n',
      },
      [
        "Error: _includes/r.html:1:37: Liquid: Nesting too deep: includes are nested more than 100 deep ('r.html' probably includes itself, directly or through another include)",
        '  Hint: Look for an include that includes itself.',
      ],
    );
  });

  test('layouts that wrap each other stop, as Jekyll does without a word: a note', () => {
    const built = notes(
      {
        '_layouts/a.html': '---\nlayout: b\n---\nA[{{ content }}]',
        '_layouts/b.html': '---\nlayout: a\n---\nB[{{ content }}]',
        'broken.html': '---\nlayout: a\n---\nx',
      },
      [
        "Note: _layouts/b.html:2: the layouts go round in a circle (a → b → a); the chain stops after 'b'",
        '  Hint: Remove `layout: a` from _layouts/b.html: layouts may not wrap each other in a circle.',
      ],
    );
    assert.equal(readFileSync(path.join(built.site, 'broken.html'), 'utf8'), 'B[A[x]]');
  });

  test('a for loop over a huge range', () => {
    fails({ 'broken.html': '---\n---\n{% for i in (1..100000000) %}{{ i }}{% endfor %}\n' }, [
      'Error: broken.html:3:1: Liquid: this page would be too large to build (more than 50 million characters or items)',
      '  Hint: The page grew too large. Look for a loop over a huge range such as (1..100000000), or text appended to itself in a loop.',
    ]);
  });

  test('text appended to itself until it no longer fits in memory', () => {
    fails(
      {
        'broken.html':
          '---\n---\n{% assign s = "xxxxxxxxxx" %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s | size }}\n',
      },
      [
        'Error: broken.html:3:52: Liquid: this page would be too large to build (more than 50 million characters or items)',
        '  Hint: The page grew too large. Look for a loop over a huge range such as (1..100000000), or text appended to itself in a loop.',
      ],
    );
  });
});

describe('where files go', () => {
  test('a permalink that climbs out of the destination is kept inside it, with a note', () => {
    const built = notes({ 'broken.md': '---\npermalink: /../../outside/x.html\n---\nhi\n' }, [
      "Note: broken.md: the permalink '/../../outside/x.html' points outside the site; the page is written at /outside/x.html instead",
      '  Hint: Permalinks are paths inside the site: remove the `..` parts.',
    ]);
    assert.ok(existsSync(path.join(built.site, 'outside', 'x.html')));
    assert.ok(!existsSync(path.join(built.source, '..', 'outside')));
  });

  test('two files with one permalink', () => {
    warns(
      { 'a.md': '---\npermalink: /same/\n---\nfirst\n', 'b.md': '---\npermalink: /same/\n---\nsecond\n' },
      [
        'Warning: a.md: 2 files write the same destination same/index.html; the last one wins: a.md, b.md',
        '  Hint: Give one of them a different permalink.',
      ],
    );
  });

  test('a symlink pointing outside the source is not followed', () => {
    const built = brokenSite({});
    symlinkSync('/etc/hostname', path.join(built.source, 'leak.txt'));
    const result = runCli(['build', '-s', built.source]);
    assert.equal(result.code, 0, result.stderr);
    assertLines(result.stderr, [
      'Warning: leak.txt: this symbolic link points outside the site folder and is skipped',
      '  Hint: Copy the file into the site instead of linking to it.',
    ]);
    assert.ok(!existsSync(path.join(built.site, 'leak.txt')));
  });

  /** The build fails with these lines and keeps the old site (a site given symlinks after its first build). */
  const failsWithLinks = (links: [string, string][], lines: string[], files: Record<string, string> = {}) => {
    const built = brokenSite(files);
    for (const [name, target] of links) {
      mkdirSync(path.dirname(path.join(built.source, name)), { recursive: true });
      symlinkSync(target, path.join(built.source, name));
    }
    const result = runCli(['build', '-s', built.source]);
    assert.equal(result.code, 1, result.stderr);
    assertLines(result.stderr, lines);
    assertOldSiteKept(built);
  };
  const loopHint =
    '  Hint: Remove the link; outside _data, listing it under `exclude:` in _config.yml also works.';

  test('a folder linking to the site folder stops the build instead of reading it forever', () => {
    // Jekyll 4.3.1, safe or not, follows it until "Too many levels of symbolic links" and stops.
    failsWithLinks(
      [['docs/loop', '..']],
      [
        'Error: docs/loop: this folder is a symbolic link to the site folder, which holds it, so reading it would never end (Jekyll stops with "Too many levels of symbolic links")',
        loopHint,
      ],
      { 'docs/a.txt': 'a\n' },
    );
  });

  test('two folders linking back each stop the build (the walk used to multiply without end)', () => {
    failsWithLinks(
      [
        ['a/up', '..'],
        ['b/deeper/up', '../..'],
      ],
      [
        'Error: a/up: this folder is a symbolic link to the site folder, which holds it, so reading it would never end (Jekyll stops with "Too many levels of symbolic links")',
        'Error: b/deeper/up: this folder is a symbolic link to the site folder, which holds it, so reading it would never end (Jekyll stops with "Too many levels of symbolic links")',
        'Build failed: 2 errors. The previous site was left as it was.',
      ],
    );
  });

  test('a _data folder linking to its parent stops the build', () => {
    failsWithLinks(
      [['_data/people/up', '..']],
      [
        'Error: _data/people/up: this folder is a symbolic link to _data/, which holds it, so reading it would never end (Jekyll stops with "Too many levels of symbolic links")',
        loopHint,
      ],
      { '_data/people/ada.yml': 'name: Ada\n' },
    );
  });

  test("a linked folder inside a collection is not entered, as Ruby's glob does not (so no loop)", () => {
    const built = brokenSite({
      '_config.yml': 'title: T\ncollections:\n  talks:\n    output: true\n',
      '_talks/t.md': '---\n---\ntalk\n',
      '_posts/2021-01-01-new.md': '---\n---\nnew\n',
      'old/2020-01-01-old.md': '---\n---\nold\n',
    });
    symlinkSync('..', path.join(built.source, '_talks', 'up'));
    symlinkSync('../old', path.join(built.source, '_posts', 'archive'));
    const result = runCli(['build', '-s', built.source]);
    assert.equal(result.code, 0, result.stderr);
    // What Jekyll 4.3.1 writes for this site: the linked folders' files are not posts or talks.
    const written = readdirSync(built.site, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(built.site, path.join(entry.parentPath, entry.name)))
      .sort();
    assert.deepEqual(written, [
      '2021/01/01/new.html',
      'index.html',
      'old/2020-01-01-old.html',
      'talks/t.html',
    ]);
  });

  test('in safe mode (as GitHub Pages builds) a symlink pointing outside the source is skipped too, with a note', () => {
    const built = brokenSite({ '_config.yml': 'title: T\nsafe: true\n', 'docs/a.txt': 'a\n' });
    symlinkSync('/etc/hostname', path.join(built.source, 'leak.txt'));
    symlinkSync('/usr/share', path.join(built.source, 'shared'));
    symlinkSync('docs', path.join(built.source, 'docs2'));
    // Jekyll skips them without a word in safe mode.
    const result = runCli(['build', '-s', built.source, '--verbose']);
    assert.equal(result.code, 0, result.stderr);
    assert.doesNotMatch(result.stderr, /symbolic link/);
    assertLines(result.stdout, [
      'Note: leak.txt: this symbolic link points outside the site folder and is skipped',
      'Note: shared: this symbolic link points outside the site folder and is skipped',
    ]);
    assert.ok(!existsSync(path.join(built.site, 'leak.txt')));
    assert.ok(!existsSync(path.join(built.site, 'shared')));
    // A link inside the site is followed, safe or not, as Jekyll does.
    assert.equal(readFileSync(path.join(built.site, 'docs2', 'a.txt'), 'utf8'), 'a\n');
  });

  test('a destination equal to the source', () => {
    const built = brokenSite({});
    const result = runCli(['build', '-s', built.source, '-d', built.source]);
    assert.equal(result.code, 1, result.stderr);
    assertLines(result.stderr, [
      `Error: _config.yml: the destination ${built.source} is the source folder or contains it`,
      '  Hint: Choose a destination inside the site folder, such as _site (the default).',
    ]);
    assertOldSiteKept(built);
  });

  /** Writing fails as the operating system would make it fail (see support/fail-writes.mjs). */
  const failingWrites = (code: string, after = 0) => ({
    NODE_OPTIONS: `--import=${FAIL_WRITES}`,
    SCHOLARSITE_TEST_FAIL: code,
    SCHOLARSITE_TEST_FAIL_AFTER: String(after),
  });

  test('a destination that may not be written', () => {
    const built = brokenSite({});
    const result = runCli(['build', '-s', built.source], { env: failingWrites('EACCES') });
    assert.equal(result.code, 1, result.stderr);
    assertLines(result.stderr, [
      `Error: ${built.site}: the site may not be written here (permission denied)`,
      '  Hint: Choose a destination folder you can write to (-d), or fix the permissions of this one.',
    ]);
    assertOldSiteKept(built);
  });

  test('a cache that cannot be written (a full disk in .jekyll-cache) costs time, not the build', () => {
    const built = brokenSite({
      'about.md': '---\n---\n# About\n',
      '_sass/_base.scss': 'body { color: red; }\n',
      'assets/main.scss': '---\n---\n@import "base";\n',
      '_config.yml': 'title: T\nbibliography: {}\n',
      '_layouts/single.html': '<article>{{ content }}</article>\n',
      '_bibliography/papers.bib':
        '@article{lovelace, title={A Paper}, author={Lovelace, Ada}, year={1843}}\n',
    });
    const env = { ...failingWrites('ENOSPC'), SCHOLARSITE_TEST_FAIL_PATH: '.jekyll-cache' };
    for (const flags of [[], ['-I']]) {
      const result = runCli(['build', ...flags, '-s', built.source], { env });
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stderr, '');
      assert.match(readFileSync(path.join(built.site, 'about.html'), 'utf8'), /<h1 id="about">About<\/h1>/);
      assert.match(readFileSync(path.join(built.site, 'assets/main.css'), 'utf8'), /color: red/);
      assert.ok(existsSync(path.join(built.site, 'publications/lovelace.bib')), 'the BibTeX entry is built');
    }
    const cache = path.join(built.source, '.jekyll-cache');
    const kept = existsSync(cache) ? readdirSync(cache, { recursive: true, encoding: 'utf8' }) : [];
    assert.deepEqual(
      kept.filter((name) => /\.tmp$|\.\d+$/.test(name)),
      [],
      'no half-written cache file is left',
    );
  });

  // A site of 250 pages is written by the worker thread while it renders, one of 20 at the end.
  for (const count of [20, 250]) {
    test(`a disk that fills up in the middle of writing (${count} pages)`, () => {
      const pages: Record<string, string> = {};
      for (let i = 0; i < count; i++) pages[`page-${i}.md`] = `---\n---\nPage ${i}\n`;
      const built = brokenSite(pages);
      const result = runCli(['build', '-s', built.source], { env: failingWrites('ENOSPC', 10) });
      assert.equal(result.code, 1, result.stderr);
      assertLines(result.stderr, [
        `Error: ${built.site}: the disk is full: the new site could not be written here`,
        '  Hint: Free some disk space, then build again. The previous site was not touched.',
      ]);
      assertOldSiteKept(built);
    });
  }
});

describe('_data files with a syntax error', () => {
  test('YAML', () => {
    fails({ '_data/people.yml': '- name: Ada\n  tags: [a, b\n' }, [
      'Error: _data/people.yml:3:1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
      '  Hint: Check the indentation and quoting on this line and the one before it.',
    ]);
  });

  test('JSON', () => {
    fails({ '_data/people.json': '{"name": "Ada", "tags": ["a", "b"\n' }, [
      "Error: _data/people.json:2:1: invalid JSON: Expected ',' or ']' after array element",
      '  Hint: Check the commas, quotes and brackets here: every { [ and " needs its closing } ] and ".',
    ]);
  });

  test('CSV', () => {
    fails({ '_data/people.csv': 'name,field\n"Ada,maths\n' }, [
      'Error: _data/people.csv:2:1: unclosed quoted field',
      '  Hint: Close the quote (") that starts this field.',
    ]);
  });

  test('TSV', () => {
    fails({ '_data/people.tsv': 'name\tfield\n"Ada\tmaths\n' }, [
      'Error: _data/people.tsv:2:1: unclosed quoted field',
      '  Hint: Close the quote (") that starts this field.',
    ]);
  });
});
