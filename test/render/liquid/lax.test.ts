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
import { type ProblemInit, SiteError } from '../../../src/errors.ts';
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

/**
 * Jekyll's error as we word it: "Liquid …:" without the line (the error names file:line), and
 * the include tag's paragraphs on one line.
 */
const asOurError = (error: string) =>
  error
    .replace(/^Liquid (?:syntax )?error \(line \d+\): /, (prefix) =>
      prefix.includes('syntax') ? 'Liquid syntax error: ' : 'Liquid: ',
    )
    .replace(/^(?!Liquid)/, 'Liquid: ')
    .trim()
    .split(/\n\s*\n\s*/)
    .map((part, i, parts) => (i < parts.length - 1 && !part.endsWith(':') ? `${part}.` : part))
    .join(' ');

/** Where our words for an error are not Jekyll's (mostly liquidjs's own; the place is the same). */
const OUR_WORDING: Record<string, string> = {
  'tag closed by }}': 'Liquid: tag {% if true %} not closed',
  'include with junk after the parameters': `Liquid: Invalid syntax for include tag: "name="x" junk". Valid syntax: {% include file.ext param='value' param2='value' %}`,
  'include of a missing file': `Liquid: Could not locate the included file 'nowhere.html' in any of ["_includes"]. Ensure it exists in one of those directories and, if it is a symlink, does not point outside your site source.`,
  'stray endraw': 'Liquid: tag "endraw" not found',
};

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
      assert.ok(error instanceof SiteError, `a located error, not ${error.stack}`);
      // The include tag's errors name no line: their templates are one line.
      const line = Number(/\(line (\d+)\)/.exec(expected.error)?.[1] ?? 1);
      assert.deepEqual(
        { file: error.file, line: error.line, message: error.message },
        { file: page, line, message: OUR_WORDING[name] ?? asOurError(expected.error) },
      );
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
