/**
 * How problems are reported: a code frame of the real file, every failing page listed before
 * the build stops, strict front matter, the layouts there are. Where Jekyll fails the build we
 * exit 1 and keep the old `_site`; where it warns we warn and build. The bad-input battery
 * (bad-input.test.ts) has one case per mistake.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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

test('every failing page is listed before the build stops', () => {
  failsWith({ 'broken.html': '---\n---\n{% nope %}\n', 'also.html': '---\n---\n{{ x | }}\n{% endfor %}\n' }, [
    /broken\.html:3/,
    /also\.html:/,
    /Build failed: 2 errors/,
  ]);
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

test('the destination may not contain the source', () => {
  const { source, site, before } = builtSite();
  const result = runCli(['build', '-s', source, '-d', path.dirname(source)]);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /is the source folder or contains it/);
  assert.match(result.stderr, /Hint: Choose a destination inside the site folder/);
  assertOldSiteKept(site, before);
});
