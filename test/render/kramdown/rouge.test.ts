/**
 * The Rouge lexers ported so far against Rouge 3.30 itself: test/fixtures/kramdown/rouge/LANG.json
 * holds [code, Rouge's HTML] pairs for the samples of LANG.txt (remade with
 * `ruby tools/kramdown-diff/rouge-goldens.rb`).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { BIBTEX } from '../../../src/render/kramdown/converter/rouge/bibtex.ts';
import { C } from '../../../src/render/kramdown/converter/rouge/c.ts';
import { CSS } from '../../../src/render/kramdown/converter/rouge/css.ts';
import { HTML } from '../../../src/render/kramdown/converter/rouge/html.ts';
import { JAVASCRIPT, TYPESCRIPT } from '../../../src/render/kramdown/converter/rouge/javascript.ts';
import { JSON_LEXER } from '../../../src/render/kramdown/converter/rouge/json.ts';
import { LIQUID } from '../../../src/render/kramdown/converter/rouge/liquid.ts';
import { PYTHON } from '../../../src/render/kramdown/converter/rouge/python.ts';
import { R } from '../../../src/render/kramdown/converter/rouge/r.ts';
import { highlightTokens, type Lexer } from '../../../src/render/kramdown/converter/rouge/regex-lexer.ts';
import { SHELL } from '../../../src/render/kramdown/converter/rouge/shell.ts';
import { YAML } from '../../../src/render/kramdown/converter/rouge/yaml.ts';
import { createKramdown } from '../../../src/render/kramdown/index.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/kramdown/rouge');

const LEXERS: Record<string, Lexer> = {
  shell: SHELL,
  python: PYTHON,
  bibtex: BIBTEX,
  r: R,
  json: JSON_LEXER,
  yaml: YAML,
  liquid: LIQUID,
  c: C,
  javascript: JAVASCRIPT,
  typescript: TYPESCRIPT,
  css: CSS,
  html: HTML,
};

for (const [name, lexer] of Object.entries(LEXERS)) {
  const pairs = JSON.parse(readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8')) as Array<
    [string, string]
  >;
  for (const [i, [code, html]] of pairs.entries()) {
    test(`Rouge's ${name} lexer: sample ${i + 1} gets Rouge's token spans`, () => {
      assert.equal(highlightTokens(lexer, code), html);
    });
  }
}

test('a bash code block is highlighted in kramdown markup; a language not ported yet keeps its text unspanned', () => {
  const convert = createKramdown();
  assert.equal(
    convert('```bash\necho "$HOME"\n```\n'),
    '<div class="language-bash highlighter-rouge"><div class="highlight"><pre class="highlight"><code>' +
      '<span class="nb">echo</span> <span class="s2">"</span><span class="nv">$HOME</span><span class="s2">"</span>\n' +
      '</code></pre></div></div>\n',
  );
  assert.equal(
    convert('```ruby\nx = 1 < 2\n```\n'),
    '<div class="language-ruby highlighter-rouge"><div class="highlight"><pre class="highlight"><code>x = 1 &lt; 2\n</code></pre></div></div>\n',
  );
});
