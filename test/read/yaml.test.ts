import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { SiteError } from '../../src/errors.ts';
import { parseFully, parseYaml, simpleMapping } from '../../src/read/yaml.ts';
import { asRubyValues } from '../../src/site/ruby-values.ts';
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

/**
 * The fast path for simple front matter must give exactly what the full parser gives, or leave
 * the text to it. Lines are built from the values where YAML 1.1 typing is subtle.
 */
test('the fast path for simple `key: value` front matter reads what the full parser reads', () => {
  const tricky = [
    'yes',
    'No',
    'on',
    'OFF',
    'y',
    'n',
    'true',
    '~',
    'null',
    'Null',
    '0755',
    '0o17',
    '0x1F',
    '0b101',
    '1_000',
    '1:20',
    '-1:20',
    '190:20:30',
    '1.5',
    '-.5',
    '.inf',
    '-.Inf',
    '.NaN',
    '1e3',
    '1.0e+3',
    '6.8523015e+5',
    '2021-04-05',
    '2021-4-5',
    '2021-04-05 10:00:00',
    '2021-04-05T10:00:00Z',
    '2021-04-05 10:00:00 +0200',
    '2021-04-05 10:00:00.5 -05:00',
    '-12',
    '+12',
    '12abc',
    'a:b',
    'http://x.org/a#b',
    'C#',
    'a, b',
    "it's",
    'x: y',
    'x #y',
    'x:',
    '[a, b]',
    '[]',
    '[a, [b]]',
    '[a,]',
    '[yes, 1, 2021-04-05]',
    "'q'",
    "'it''s'",
    '"dq"',
    '"a\\nb"',
    "'unclosed",
    '"unclosed',
    '&a x',
    '*a',
    '!!str 1',
    '|',
    '>',
    '- a',
    '-',
    '?',
    ':x',
    '%x',
    '@x',
    '`x`',
    '{a: 1}',
    'é à ü',
    '中文',
    '=',
    '<<',
    'a  b',
    ' ',
    '',
  ];
  const key = fc.oneof(
    fc.constantFrom('title', 'date', 'tags', 'layout', 'yes', 'on', '__proto__', 'x-y', '_x', '1a', 'a b'),
    fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,8}$/),
  );
  const value = fc.oneof(
    fc.constantFrom(...tricky),
    fc.string({ maxLength: 12 }),
    fc.stringMatching(/^[ -~]{0,16}$/),
  );
  const line = fc.oneof(
    {
      weight: 8,
      arbitrary: fc
        .tuple(key, fc.constantFrom(': ', ':', ':  ', ' : '), value)
        .map((parts) => parts.join('')),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom('', '# a comment', '  indented: 1', '---', '...', 'k: 1 # note'),
    },
  );
  fc.assert(
    fc.property(fc.array(line, { maxLength: 6 }), (lines) => {
      const text = `${lines.join('\n')}\n`;
      const fast = simpleMapping(text);
      if (fast === undefined) return;
      let full: unknown;
      try {
        full = parseFully(text, { file: 'x.md' });
      } catch (error) {
        assert.fail(`the fast path read ${JSON.stringify(text)}, which the full parser refuses: ${error}`);
      }
      assert.deepStrictEqual(asRubyValues(fast), full, JSON.stringify(text));
    }),
    { numRuns: process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : 3000 },
  );
});
