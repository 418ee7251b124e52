/**
 * Odd templates, rendered as Jekyll renders them. The expected output, build error and
 * "Liquid Warning" of each case in lax/cases.json were produced by Jekyll 4.3.1 running GitHub
 * Pages' Liquid 4.0.4 (tools/liquid-lax-goldens.rb); lax/golden-liquid5.json holds what Debian's
 * Liquid 5.4 gives, for comparison.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { ProblemInit } from '../../../src/errors.ts';
import { createLiquid } from '../../../src/render/liquid/index.ts';

const dir = path.join(import.meta.dirname, 'lax');
const read = (name: string) => JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
const cases = read('cases.json') as { name: string; template: string }[];
const golden = read('golden.json') as {
  results: { name: string; output?: string; error?: string; warnings: string[] }[];
};
const scope = read('scope.json') as Record<string, unknown>;

function engine() {
  const warnings: ProblemInit[] = [];
  const liquid = createLiquid({
    sourceDir: dir,
    includeDirs: [path.join(dir, '_includes')],
    config: { url: 'https://x.org', baseurl: '/b' },
    markdownify: (text) => text,
    scssify: (text) => text,
    postUrl: () => undefined,
    linkUrl: () => undefined,
    warn: (problem) => warnings.push(problem),
  });
  return { liquid, warnings };
}

/** Jekyll's "Liquid syntax error (line 1): … in FILE" as the message we print beside file:line. */
const asOurs = (warning: string) => warning.replace(/ \(line \d+\)/, '').replace(/ in FILE$/, '');

test('the corpus has a golden for each case', () => {
  assert.deepEqual(
    golden.results.map((r) => r.name),
    cases.map((c) => c.name),
  );
  assert.ok(cases.length >= 60);
});

for (const [i, { name, template }] of cases.entries()) {
  const expected = golden.results[i];
  test(`lax Liquid: ${name}`, async () => {
    const { liquid, warnings } = engine();
    const page = `case-${i}.html`;
    let output: string | undefined;
    let error: Error | undefined;
    try {
      output = await liquid.render(template, structuredClone(scope), page);
    } catch (e) {
      error = e as Error;
    }
    if (expected.error !== undefined) {
      assert.ok(error, `Jekyll stops with "${expected.error}"; we rendered ${JSON.stringify(output)}`);
    } else {
      assert.equal(error, undefined, `Jekyll renders this; we failed: ${error?.message}`);
      assert.equal(output, expected.output);
    }
    if (error) return; // Jekyll's warnings before a failed build are not compared
    const ours = warnings.filter((w) => w.file === page);
    assert.deepEqual(
      ours.map((w) => w.message),
      expected.warnings.map(asOurs),
    );
    for (const w of ours) assert.equal(w.line, 1);
  });
}
