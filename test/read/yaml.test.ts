import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SiteError } from '../../src/errors.ts';
import { parseYaml } from '../../src/read/yaml.ts';
import { RubyTime } from '../../src/site/time.ts';

/** The data without Ruby's `to_s` on hashes, to compare with plain literals. */
const plain = (value: unknown) => JSON.parse(JSON.stringify(value));

test('YAML is read the way Ruby Psych reads it (YAML 1.1)', () => {
  const data = parseYaml('a: yes\nb: y\nc: Off\nd: 0755\ne: 1_000\nf: ~\ng: 1:20\n', {
    file: 'x.yml',
  }) as Record<string, unknown>;
  assert.deepEqual(plain(data), { a: true, b: 'y', c: false, d: 493, e: 1000, f: null, g: 80 });
});

test('dates become RubyTime: a bare date prints as YYYY-MM-DD, a time without zone is UTC', () => {
  process.env.TZ = 'America/New_York';
  const data = parseYaml('day: 2021-04-05\nat: 2021-04-05 10:00:00\nzoned: 2021-04-05 10:00:00 +0200\n', {
    file: 'x.yml',
  }) as Record<string, RubyTime>;
  assert.ok(data.day instanceof RubyTime);
  assert.equal(String(data.day), '2021-04-05');
  assert.equal(String(data.at), '2021-04-05 06:00:00 -0400');
  assert.equal(String(data.zoned), '2021-04-05 04:00:00 -0400');
});

test('anchors, aliases and merge keys work; duplicate keys keep the last value', () => {
  const data = parseYaml('base: &b {x: 1, y: 2}\nmerged:\n  <<: *b\n  y: 3\nk: 1\nk: 2\n', { file: 'x.yml' });
  assert.deepEqual(plain(data), { base: { x: 1, y: 2 }, merged: { x: 1, y: 3 }, k: 2 });
});

test('hashes print the way Ruby prints them, as Liquid filters see them', () => {
  const data = parseYaml('tag: {name: Politics, color: "#FF8C00", n: [1, 2]}\n', { file: 'x.yml' }) as Record<
    string,
    unknown
  >;
  assert.equal(String(data.tag), '{"name"=>"Politics", "color"=>"#FF8C00", "n"=>[1, 2]}');
});

test('a YAML mistake names the file, the real line, and what to do', () => {
  const file = '---\ntitle: ok\n\tlayout: x\n---\nbody\n';
  assert.throws(
    () => parseYaml('title: ok\n\tlayout: x\n', { file: '_posts/p.md', lineOffset: 1, fileSource: file }),
    (error: unknown) => {
      assert.ok(error instanceof SiteError);
      assert.equal(error.where, '_posts/p.md:3:1');
      assert.match(error.format(), /> 3 \| \tlayout: x/);
      assert.match(error.hint ?? '', /tabs/);
      return true;
    },
  );
});

test('an apostrophe inside a single-quoted value gets a hint about doubling it', () => {
  assert.throws(
    () => parseYaml("title: 'Ada's page'\n", { file: 'about.md', lineOffset: 1 }),
    (error: unknown) => error instanceof SiteError && /two \(''\)/.test(error.hint ?? ''),
  );
});

test('a quoted value running over unindented lines is read as Psych reads it', () => {
  const data = parseYaml("title: x\nexcerpt: 'one\ntwo ''three''\nfour.'\nvenue: 'J'\n", { file: 'p.md' });
  assert.deepEqual(plain(data), { title: 'x', excerpt: "one two 'three' four.", venue: 'J' });
});

test('an unclosed quote is reported at the quote that opened it, not where the text ends', () => {
  assert.throws(
    () => parseYaml('layout: post\ntitle: "Second post\ntags: [a, b]\n', { file: 'post.md', lineOffset: 1 }),
    (error: unknown) =>
      error instanceof SiteError &&
      error.line === 3 &&
      error.column === 8 &&
      /Missing closing "quote/.test(error.message) &&
      error.hint === 'Check that every quote you open is closed.',
  );
});
