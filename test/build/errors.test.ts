/**
 * Problems a researcher can cause, each with the message they see, the exit code, and what
 * happens to the site already built. Where Jekyll fails the build we exit 1 and keep the old
 * `_site`; where Jekyll warns we warn and build; `--strict` turns warnings into errors.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../support/cli.ts';
import { tempSite } from '../support/temp-site.ts';

/** A site that builds, built once, so each case can check the old `_site` survives. */
function builtSite(): { source: string; site: string; before: string } {
  const source = tempSite({ 'index.html': '---\n---\n<p>good</p>\n', '_config.yml': 'title: T\n' });
  const first = runCli(['build', '-s', source]);
  assert.equal(first.code, 0, first.stderr);
  const site = path.join(source, '_site');
  return { source, site, before: readFileSync(path.join(site, 'index.html'), 'utf8') };
}

function assertOldSiteKept(site: string, before: string): void {
  assert.equal(readFileSync(path.join(site, 'index.html'), 'utf8'), before);
  assert.ok(!existsSync(path.join(site, 'broken.html')));
}

function failsWith(files: Record<string, string>, expected: RegExp[], args: string[] = []): string {
  const { source, site, before } = builtSite();
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(source, name), text);
  const result = runCli(['build', '-s', source, ...args]);
  assert.equal(result.code, 1, result.stderr);
  for (const pattern of expected) assert.match(result.stderr, pattern);
  assert.match(result.stderr, /Build failed: .*The previous site was left as it was\./);
  assert.doesNotMatch(result.stderr, /\n\s+at .*\(.*:\d+:\d+\)/, 'no stack trace');
  assertOldSiteKept(site, before);
  return result.stderr;
}

test('an unknown Liquid tag is an error with file, line, column, a code frame and a hint', () => {
  const stderr = failsWith({ 'broken.html': '---\ntitle: x\n---\n<p>\n{% frobnicate %}\n' }, [
    /Error: broken\.html:5:1: Liquid: tag "frobnicate" not found/,
    /> 5 \| {% frobnicate %}/,
    /Hint: This tag does not exist in Jekyll/,
  ]);
  assert.match(stderr, /3 \| ---\n/, 'the frame shows the real file, front matter included');
});

test('an unclosed block tag is an error naming the tag', () => {
  failsWith({ 'broken.html': '---\n---\n{% if page.title %}\nno end\n' }, [
    /Error: broken\.html:3:1: Liquid: tag {% if page\.title %} not closed/,
    /Hint: Add the matching end tag/,
  ]);
});

test('a missing include names the including file, the line and the missing name', () => {
  failsWith({ 'broken.html': '---\n---\n\n{% include footer.html %}\n' }, [
    /Error: broken\.html:4:1: Liquid: Could not locate the included file 'footer\.html' in any of \["_includes"\]\./,
    /Hint: Create the file in _includes\//,
  ]);
});

test('an include that includes itself ends in an error, not a hang', () => {
  const { source, site, before } = builtSite();
  writeFileSync(path.join(source, 'broken.html'), '---\n---\n{% include a.html %}\n');
  const includes = path.join(source, '_includes');
  tempWrite(includes, 'a.html', 'A{% include b.html %}');
  tempWrite(includes, 'b.html', 'B{% include a.html %}');
  const result = runCli(['build', '-s', source]);
  assert.equal(result.code, 1);
  assert.match(
    result.stderr,
    /_includes\/[ab]\.html:1:2: Liquid: Nesting too deep: includes are nested more than 100 deep/,
  );
  assertOldSiteKept(site, before);
});

test('every failing page is listed before the build stops', () => {
  failsWith({ 'broken.html': '---\n---\n{% nope %}\n', 'also.html': '---\n---\n{{ x | }}\n{% endfor %}\n' }, [
    /broken\.html:3/,
    /also\.html:/,
    /Build failed: 2 errors/,
  ]);
});

test('broken front matter warns with the line and builds the rest; --strict makes it an error', () => {
  const { source, site, before } = builtSite();
  writeFileSync(path.join(source, 'broken.md'), "---\ntitle: 'Ada's notes'\n---\ntext\n");
  const warned = runCli(['build', '-s', source]);
  assert.equal(warned.code, 0, warned.stderr);
  assert.match(warned.stderr, /Warning: broken\.md:2:\d+: invalid YAML/);
  assert.match(warned.stderr, /Hint: Inside a single-quoted value, write an apostrophe as two \(''\)/);
  assert.match(warned.stderr, /Built with 1 warning\./);
  assert.ok(existsSync(path.join(site, 'broken.html')), 'the page is still built, as Jekyll does');

  writeFileSync(path.join(source, 'index.html'), '---\n---\n<p>changed</p>\n');
  const strict = runCli(['build', '-s', source, '--strict']);
  assert.equal(strict.code, 1);
  assert.match(strict.stderr, /Error: broken\.md:2:\d+: invalid YAML/);
  assert.equal(readFileSync(path.join(site, 'index.html'), 'utf8'), before);
});

test('strict_front_matter in _config.yml is the same as --strict for front matter', () => {
  const source = tempSite({
    '_config.yml': 'strict_front_matter: true\n',
    'a.md': '---\ntitle: [unclosed\n---\n',
  });
  const result = runCli(['build', '-s', source]);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /Error: a\.md:\d+:\d+: invalid YAML/);
});

test('an unknown layout warns, lists the layouts there are, and renders without it', () => {
  const source = tempSite({
    '_layouts/default.html': '<main>{{ content }}</main>',
    'a.md': '---\nlayout: post\n---\nHello\n',
  });
  const result = runCli(['build', '-s', source]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stderr, /Warning: a\.md:2: the layout 'post' does not exist/);
  assert.match(result.stderr, /Hint: Create _layouts\/post\.html, or change `layout:` to one of: default\./);
  assert.equal(readFileSync(path.join(source, '_site', 'a.html'), 'utf8'), '<p>Hello</p>\n');
  assert.equal(runCli(['build', '-s', source, '--strict']).code, 1);
});

test('two files writing one page: a warning naming both, and the last one wins', () => {
  const source = tempSite({
    'a.md': '---\npermalink: /same/\n---\nfirst\n',
    'b.md': '---\npermalink: /same/\n---\nsecond\n',
  });
  const result = runCli(['build', '-s', source]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(
    result.stderr,
    /2 files write the same destination same\/index\.html; the last one wins: a\.md, b\.md/,
  );
  assert.equal(readFileSync(path.join(source, '_site', 'same', 'index.html'), 'utf8'), '<p>second</p>\n');
});

test('a permalink climbing out of the site is written inside it, with a warning', () => {
  const source = tempSite({ 'a.md': '---\npermalink: /../../outside/x.html\n---\nhi\n' });
  const result = runCli(['build', '-s', source]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(
    result.stderr,
    /Warning: a\.md: the permalink '\/\.\.\/\.\.\/outside\/x\.html' points outside the site/,
  );
  assert.ok(existsSync(path.join(source, '_site', 'outside', 'x.html')));
  assert.ok(!existsSync(path.join(source, '..', 'outside')));
});

test('the destination may not contain the source', () => {
  const { source, site, before } = builtSite();
  const result = runCli(['build', '-s', source, '-d', path.dirname(source)]);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /is the source folder or contains it/);
  assert.match(result.stderr, /Hint: Choose a destination inside the site folder/);
  assertOldSiteKept(site, before);
});

function tempWrite(dir: string, name: string, text: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, name), text);
}
