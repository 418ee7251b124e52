/**
 * The Rouge lexers ported so far against Rouge 3.30 itself: test/fixtures/kramdown/rouge/LANG.json
 * holds [code, Rouge's HTML] pairs for the samples of LANG.txt (remade with
 * `ruby tools/kramdown-diff/rouge-goldens.rb`).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { rougeTokens } from '../../../src/render/kramdown/converter/rouge.ts';
import { createKramdown } from '../../../src/render/kramdown/index.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/kramdown/rouge');

for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith('.json'))) {
  const language = file.slice(0, -5);
  const pairs = JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8')) as Array<[string, string]>;
  for (const [i, [code, html]] of pairs.entries()) {
    test(`Rouge's ${language} lexer: sample ${i + 1} gets Rouge's token spans`, () => {
      assert.equal(rougeTokens(language, code), html);
    });
  }
}

test('Markdown naming a language not ported in a fence is written without token spans', () => {
  assert.equal(rougeTokens('markdown', '```prolog\nx = 1\n```\n'), undefined);
  assert.equal(rougeTokens('markdown', '```\nguess me\n```\n'), undefined);
});

test('a bash code block is highlighted in kramdown markup; a language not ported yet keeps its text unspanned', () => {
  const convert = createKramdown();
  assert.equal(
    convert('```bash\necho "$HOME"\n```\n'),
    '<div class="language-bash highlighter-rouge"><div class="highlight"><pre class="highlight"><code>' +
      '<span class="nb">echo</span> <span class="s2">"</span><span class="nv">$HOME</span><span class="s2">"</span>\n' +
      '</code></pre></div></div>\n',
  );
  assert.equal(
    convert('```prolog\nx = 1 < 2\n```\n'),
    '<div class="language-prolog highlighter-rouge"><div class="highlight"><pre class="highlight"><code>x = 1 &lt; 2\n</code></pre></div></div>\n',
  );
});
