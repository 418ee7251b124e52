/**
 * What a build takes from the last one, and what it must not: a page showing the build time
 * renders again when what it shows would change; a reused page says the warnings its render
 * said; `site.github` (which holds the commit) is read by few pages.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { BuildFailed, build } from '../../src/build.ts';
import { runCli } from '../support/cli.ts';
import { assertSameAsFullBuild } from '../support/serve-site.ts';
import { tempSite } from '../support/temp-site.ts';

const LAYOUT =
  '<main>{{ content }}</main>\n<footer>&copy; {{ site.time | date: "%Y" }} {{ site.title }}</footer>\n';

/** Builds at `time` and lists the files it rendered. */
async function buildAt(source: string, time: string, options: { strict?: boolean } = {}) {
  const rendered: string[] = [];
  const printed: string[] = [];
  await build({
    source,
    time: new Date(time),
    strict: options.strict,
    print: (text) => printed.push(text),
    log: (line) => {
      if (line.startsWith('Rendering: ')) rendered.push(line.slice('Rendering: '.length));
    },
  });
  return { rendered: rendered.sort(), printed };
}

test('a page showing the build time renders again only when what it shows changes', async () => {
  const source = tempSite({
    '_config.yml': 'title: Times\ntimezone: UTC\ncollections:\n  notes:\n    output: true\n',
    '_layouts/default.html': LAYOUT,
    'index.md': '---\nlayout: default\n---\nHome.\n',
    'updated.md': '---\nlayout: default\n---\nBuilt {{ site.time | date_to_xmlschema }}.\n',
    'today.md': '---\nlayout: default\n---\nToday is {{ "now" | date: "%Y" }}.\n',
    'whole.md':
      '---\nlayout: default\nsince: 2020-01-01\n---\n{% if site.time > page.since %}Later.{% endif %}\n',
    '_notes/undated.md': '---\nlayout: default\n---\nWritten {{ page.date | date: "%B %-d, %Y" }}.\n',
  });
  const destination = path.join(source, '_site');
  const first = await buildAt(source, '2026-03-04T10:00:00Z');
  assert.ok(first.rendered.includes('index.md'));

  // Later the same day: only what shows the time to the second, or the time itself, again.
  const sameDay = await buildAt(source, '2026-03-04T18:30:00Z');
  assert.ok(sameDay.rendered.includes('updated.md'), sameDay.rendered.join(', '));
  assert.ok(sameDay.rendered.includes('whole.md'), 'compared with another date: the time itself');
  for (const reused of ['index.md', 'today.md', '_notes/undated.md'])
    assert.ok(!sameDay.rendered.includes(reused), `${reused} shows nothing that changed`);
  await assertSameAsFullBuild(source, destination, new Date('2026-03-04T18:30:00Z'));

  // The next day: the undated note shows another date.
  const nextDay = await buildAt(source, '2026-03-05T08:00:00Z');
  assert.ok(nextDay.rendered.includes('_notes/undated.md'), nextDay.rendered.join(', '));
  assert.ok(!nextDay.rendered.includes('index.md'));
  assert.match(readFileSync(path.join(destination, 'notes/undated.html'), 'utf8'), /Written March 5, 2026/);
  await assertSameAsFullBuild(source, destination, new Date('2026-03-05T08:00:00Z'));

  // A new year: every footer changes.
  const newYear = await buildAt(source, '2027-01-01T00:00:01Z');
  assert.ok(newYear.rendered.includes('index.md'), newYear.rendered.join(', '));
  assert.match(readFileSync(path.join(destination, 'index.html'), 'utf8'), /&copy; 2027 Times/);
  await assertSameAsFullBuild(source, destination, new Date('2027-01-01T00:00:01Z'));
});

test('a reused page says the warnings its render said, each once, and --strict fails as a full build does', async () => {
  const source = tempSite({
    '_config.yml': 'title: Warnings\n',
    // The layout's lax Liquid is warned of; the include's is not (Jekyll says nothing of it).
    '_layouts/default.html':
      '<main>{{ content }}</main>{% assign m = (1 | plus: 2) %}{% include lax.html %}\n',
    '_includes/lax.html': '{% assign n = (1 | plus: 2) %}{{ n }}\n',
    'a.md': '---\nlayout: default\n---\nA.\n',
    'b.md': '---\nlayout: default\n---\nB.\n',
    'c.md': '---\nlayout: nowhere\n---\nC.\n',
  });
  const full = await buildAt(source, '2026-03-04T10:00:00Z');
  assert.equal(full.printed.length, 2, full.printed.join('\n'));
  assert.match(full.printed.join('\n'), /_layouts\/default\.html:1: Liquid syntax error: Expected dotdot/);
  assert.match(full.printed.join('\n'), /c\.md:2: the layout 'nowhere' does not exist/);

  const again = await buildAt(source, '2026-03-04T10:00:00Z');
  assert.deepEqual(again.rendered, [], 'every page reused');
  assert.deepEqual(again.printed, full.printed, 'the same warnings, in the same words, each once');

  await assert.rejects(buildAt(source, '2026-03-04T10:00:00Z', { strict: true }), BuildFailed);
  const cli = runCli(['build', '-q', '--strict', '-s', source]);
  assert.equal(cli.code, 1);
  assert.match(cli.stderr, /Build failed: 0 errors, 2 warnings/);
});

test('site.github is read again by the pages that show it when the commit changes', async () => {
  const source = tempSite({
    '_config.yml': 'title: Commits\nrepository: ada/ada.github.io\nplugins: [jekyll-github-metadata]\n',
    '_layouts/default.html': '<main>{{ content }}</main>\n',
    'index.md': '---\nlayout: default\n---\nHome.\n',
    'version.md': '---\nlayout: default\n---\nBuilt from {{ site.github.build_revision }}.\n',
  });
  const commit = (sha: string) => {
    mkdirSync(path.join(source, '.git/refs/heads'), { recursive: true });
    writeFileSync(path.join(source, '.git/HEAD'), 'ref: refs/heads/main\n');
    writeFileSync(path.join(source, '.git/refs/heads/main'), `${sha}\n`);
  };
  commit('a'.repeat(40));
  await buildAt(source, '2026-03-04T10:00:00Z');
  commit('b'.repeat(40));
  const next = await buildAt(source, '2026-03-04T10:00:00Z');
  assert.ok(next.rendered.includes('version.md'), next.rendered.join(', '));
  assert.ok(!next.rendered.includes('index.md'), 'a page not reading site.github is reused');
  assert.match(readFileSync(path.join(source, '_site/version.html'), 'utf8'), /Built from b{40}\./);
});
