import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { SiteError } from '../../src/errors.ts';
import { RubyTime } from '../../src/ruby/time.ts';
import { asRubyValues } from '../../src/ruby/values.ts';
import { fastYaml } from '../../src/yaml/fast.ts';
import { parseFully, parseYaml } from '../../src/yaml/parse.ts';

/** The data without Ruby's `to_s` on hashes, to compare with plain literals. */
const plain = (value: unknown) => JSON.parse(JSON.stringify(value));

test('YAML is read the way Ruby Psych reads it (YAML 1.1)', () => {
  const data = parseYaml('a: yes\nb: y\nc: Off\nd: 0755\ne: 1_000\nf: ~\ng: 1:20\n', {
    file: 'x.yml',
  }) as Record<string, unknown>;
  assert.deepEqual(plain(data), { a: true, b: 'y', c: false, d: 493, e: 1000, f: null, g: 80 });
});

test('dates become RubyTime: a bare date prints as YYYY-MM-DD, a time without zone is UTC, a zone is kept', () => {
  process.env.TZ = 'America/New_York';
  const data = parseYaml(
    'day: 2021-04-05\nat: 2021-04-05 10:00:00\nzoned: 2021-04-05 10:00:00 +0200\nz: 2021-04-05T10:00:00Z\n',
    { file: 'x.yml' },
  ) as Record<string, RubyTime>;
  assert.ok(data.day instanceof RubyTime);
  // As Ruby's Psych prints them (TZ=America/New_York ruby -ryaml).
  assert.equal(String(data.day), '2021-04-05');
  assert.equal(String(data.at), '2021-04-05 06:00:00 -0400');
  assert.equal(String(data.zoned), '2021-04-05 10:00:00 +0200');
  assert.equal(String(data.z), '2021-04-05 10:00:00 UTC');
  assert.equal(data.zoned.getTime(), Date.UTC(2021, 3, 5, 8));
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

// Expectations printed by Ruby 3.1's Psych (YAML.load) for the same text.
test('a quoted value behind an anchor, continued on an unindented line, is read as Psych reads it', () => {
  const data = parseYaml('name: &name "D V"\ndescription: &description "Student at X. \nVisitor at Y."\n', {
    file: '_config.yml',
  });
  assert.deepEqual(plain(data), { name: 'D V', description: 'Student at X. Visitor at Y.' });
});

test('a quoted value opened at the end of its line, and flow lists, continued unindented, as Psych reads them', () => {
  const text =
    'summary: "\nFirst line,\nsecond line."\ntech: [Java, Python, Stanford NLP,\nGurobi, "a, b", it\'s]\n' +
    'next: {a: 1,\nb: [2,\n3]}\nlast: x\n';
  assert.deepEqual(plain(parseYaml(text, { file: '_projects/p.md' })), {
    summary: ' First line, second line.',
    tech: ['Java', 'Python', 'Stanford NLP', 'Gurobi', 'a, b', "it's"],
    next: { a: 1, b: [2, 3] },
    last: 'x',
  });
});

test('a Markdown-style comment line `[//]: # note` after a blank line is read, as Psych reads it', () => {
  // Psych: {"a"=>1, ["//"]=>nil, "desc"=>"para\n\n[x]: y\n", "b"=>2}; a list as a key is a
  // string in JavaScript.
  const text = 'a: 1\n\n[//]: # (slides: x)\ndesc: |\n  para\n\n  [x]: y\nb: 2\n';
  assert.deepEqual(plain(parseYaml(text, { file: '_publications/p.md' })), {
    a: 1,
    '[//]': null,
    desc: 'para\n\n[x]: y\n',
    b: 2,
  });
});

test('a comment right after a closing quote or bracket is a comment, as Psych reads it', () => {
  const text = [
    'a : "x"# c "y"',
    "d: 'z'#k",
    'e: [1]#x',
    'f: {a: 1}#x',
    'g: plain#notcomment',
    'h:',
    '  - "item"# c',
    'k: "multi',
    '  line"#c',
    '',
  ].join('\n');
  assert.deepEqual(plain(parseYaml(text, { file: '_config.yml' })), {
    a: 'x',
    d: 'z',
    e: [1],
    f: { a: 1 },
    g: 'plain#notcomment',
    h: ['item'],
    k: 'multi line',
  });
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
/** Scalars where YAML 1.1 typing or the fast path's limits are subtle. */
const TRICKY = [
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

test('the fast path for simple `key: value` front matter reads what the full parser reads', () => {
  const key = fc.oneof(
    fc.constantFrom('title', 'date', 'tags', 'layout', 'yes', 'on', '__proto__', 'x-y', '_x', '1a', 'a b'),
    fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,8}$/),
  );
  const value = fc.oneof(
    fc.constantFrom(...TRICKY),
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
      const fast = fastYaml(text);
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

/** Whether `a` and `b` share objects alike: where one has the same object twice, so has the other. */
function assertSameSharing(a: unknown, b: unknown, pairs = new Map<object, object>()): void {
  if (a === null || typeof a !== 'object') return;
  const seen = pairs.get(a);
  if (seen) {
    assert.equal(seen, b, 'an alias is the same object as its anchor in one reading only');
    return;
  }
  pairs.set(a, b as object);
  for (const key of Object.keys(a)) assertSameSharing((a as never)[key], (b as never)[key], pairs);
}

type Tree =
  | { kind: 'scalar'; text: string }
  | { kind: 'alias' }
  | { kind: 'map'; entries: [string, Tree][]; anchor: boolean; merge: boolean }
  | { kind: 'seq'; items: Tree[]; anchor: boolean };

interface Style {
  indent: number;
  /** A sequence under a key written at the key's indentation. */
  compact: boolean;
  comments: boolean;
  /** Spaces before the colon, as academicpages aligns its config. */
  aligned: boolean;
}

/** The tree as block YAML in the given style; anchors are a0, a1… in the order they appear. */
function renderTree(tree: Tree, style: Style): string {
  const lines: string[] = [];
  const anchors: { name: string; isMap: boolean }[] = [];
  const pad = (n: number) => ' '.repeat(n);
  const anchorOf = (node: Tree) => {
    if ((node.kind !== 'map' && node.kind !== 'seq') || !node.anchor) return '';
    const name = `a${anchors.length}`;
    anchors.push({ name, isMap: node.kind === 'map' });
    return ` &${name}`;
  };
  const inline = (node: Tree): string | undefined => {
    if (node.kind === 'scalar') return node.text;
    if (node.kind === 'alias') return anchors.length ? `*${anchors[anchors.length - 1].name}` : 'x';
    if (node.kind === 'map' && node.entries.length === 0 && !node.merge) return '{}';
    if (node.kind === 'seq' && node.items.length === 0) return '[]';
    return undefined;
  };
  const block = (node: Tree, indent: number) => {
    if (style.comments) lines.push(`${pad(indent)}# about what follows`);
    if (node.kind === 'map') {
      if (node.merge) {
        const map = [...anchors].reverse().find((anchor) => anchor.isMap);
        if (map) lines.push(`${pad(indent)}<<: *${map.name}`);
      }
      for (const [key, value] of node.entries)
        entry(`${key}${style.aligned ? '   ' : ''}:`, value, indent, true);
    } else if (node.kind === 'seq') {
      for (const item of node.items) entry('-', item, indent, false);
    }
  };
  const entry = (head: string, value: Tree, indent: number, inMapping: boolean) => {
    const text = inline(value);
    if (text !== undefined) {
      lines.push(`${pad(indent)}${head} ${text}${style.comments ? ' # note' : ''}`);
      return;
    }
    const anchor = anchorOf(value);
    if (!inMapping && value.kind === 'map' && !anchor && !value.merge && !style.comments) {
      // `- key: value`, the rest of the mapping under the key
      const start = lines.length;
      block(value, indent + 2);
      lines[start] = `${pad(indent)}- ${lines[start].trimStart()}`;
      return;
    }
    lines.push(`${pad(indent)}${head}${anchor}`);
    const compact = inMapping && value.kind === 'seq' && style.compact;
    block(value, compact ? indent : indent + style.indent);
  };
  const top = inline(tree);
  if (top !== undefined) return `${top}\n`;
  block(tree, 0);
  return `${lines.join('\n')}\n`;
}

test('the fast path reads nested config and data files as the full parser does, or leaves them to it', () => {
  const key = fc.oneof(
    fc.constantFrom('title', 'en-US', 'author', 'a b', 'yes', '1', '_x', 'x.y', '<<', 'C#', "it's"),
    fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,8}$/),
  );
  const scalar = fc.oneof(
    // Mostly plain words, so that whole documents often stay within the fast path.
    { weight: 6, arbitrary: fc.stringMatching(/^[a-z]{1,8}(?: [a-z]{1,6})?$/) },
    { weight: 2, arbitrary: fc.constantFrom(...TRICKY) },
    { weight: 2, arbitrary: fc.stringMatching(/^[ -~]{0,12}$/) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '"a\\tb"',
        '"\\u00e9\\x41\\U0001F600"',
        '"\\n\\n"',
        '"\\q"',
        '"a" # c',
        "'a' # c",
        '"a"b',
        "['name', 'email', \"x, y\"]",
        '[a, "b"] # c',
        '&anchor plain',
        '*nowhere',
      ),
    },
  );
  const { tree } = fc.letrec<{ tree: Tree; node: Tree }>((tie) => ({
    node: fc.oneof(
      { weight: 5, arbitrary: scalar.map((text): Tree => ({ kind: 'scalar', text })) },
      { weight: 1, arbitrary: fc.constant<Tree>({ kind: 'alias' }) },
      { weight: 2, arbitrary: tie('tree') },
    ),
    tree: fc.oneof(
      {
        weight: 3,
        arbitrary: fc.record({
          kind: fc.constant('map' as const),
          entries: fc.uniqueArray(fc.tuple(key, tie('node')), { maxLength: 4, selector: ([k]) => k }),
          anchor: fc.boolean(),
          merge: fc.boolean(),
        }),
      },
      {
        weight: 2,
        arbitrary: fc.record({
          kind: fc.constant('seq' as const),
          items: fc.array(tie('node'), { maxLength: 3 }),
          anchor: fc.boolean(),
        }),
      },
    ),
  }));
  const style = fc.record({
    indent: fc.integer({ min: 1, max: 4 }),
    compact: fc.boolean(),
    comments: fc.boolean(),
    aligned: fc.boolean(),
  });
  let read = 0;
  const runs = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : 2000;
  fc.assert(
    fc.property(tree, style, (shape, how) => {
      const text = renderTree(shape, how);
      const fast = fastYaml(text);
      if (fast === undefined) return;
      read++;
      let full: unknown;
      try {
        full = parseFully(text, { file: 'x.yml' });
      } catch (error) {
        assert.fail(`the fast path read ${JSON.stringify(text)}, which the full parser refuses: ${error}`);
      }
      assert.deepStrictEqual(asRubyValues(fast), full, text);
      assertSameSharing(fast, full);
    }),
    { numRuns: runs },
  );
  // The comparison means something only if the fast path reads a good share of them.
  assert.ok(read > runs / 10, `the fast path read only ${read} of ${runs} documents`);
});

/** The YAML of this repository's sites: config and data files, and each page's front matter. */
function yamlOfOurSites(): { file: string; text: string }[] {
  const root = path.resolve(import.meta.dirname, '../..');
  const found: { file: string; text: string }[] = [];
  for (const folder of ['test/fixtures', 'examples', 'theme']) {
    for (const name of readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' })) {
      if (name.includes('node_modules') || name.includes('.golden')) continue;
      const file = path.join(folder, name);
      if (/\.ya?ml$/.test(name)) found.push({ file, text: readFileSync(path.join(root, file), 'utf8') });
      else if (/\.(md|markdown|html)$/.test(name)) {
        const matter = /^---\n([\s\S]*?\n)?---\n/.exec(readFileSync(path.join(root, file), 'utf8'));
        if (matter?.[1]) found.push({ file, text: matter[1] });
      }
    }
  }
  return found;
}

test('the fast path leaves to the full parser an alias to the node it is inside (a circle)', () => {
  const text = 'x: &a 1\ny: &a\n  z: *a\n';
  assert.equal(fastYaml(text), undefined);
  const full = parseFully(text, { file: 'x.yml' }) as { y: { z: unknown } };
  assert.equal(full.y.z, full.y);
});

test('the fast path reads the config, data and front matter of real-style sites as the full parser does', () => {
  const samples = yamlOfOurSites();
  const read: string[] = [];
  for (const { file, text } of samples) {
    const fast = fastYaml(text);
    if (fast === undefined) continue;
    read.push(file);
    const full = parseFully(text, { file });
    assert.deepStrictEqual(asRubyValues(fast), full, file);
    assertSameSharing(fast, full);
  }
  for (const file of ['config-aligned.yml', 'ui-text.yml', 'navigation.yml'])
    assert.ok(
      read.includes(path.join('test/fixtures/yaml', file)),
      `the fast path left ${file} to the full parser`,
    );
  assert.ok(
    read.length >= samples.length * 0.8,
    `the fast path read ${read.length} of ${samples.length} files`,
  );
});
