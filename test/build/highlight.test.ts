/**
 * `{% highlight %}` in a Markdown page: Jekyll's Markdown converter puts a newline before and after
 * the tag's output (highlighter_prefix/suffix), which kramdown then reads as block boundaries, and
 * Rouge's token spans come with the code. Expected pages: Jekyll 4.3.1's output of the same files.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../support/cli.ts';
import { tempSite } from '../support/temp-site.ts';

test('a highlight tag in Markdown stands on lines of its own, as Jekyll writes it; in HTML it does not', () => {
  const source = tempSite({
    '_config.yml': 'title: T\n',
    'list.md':
      '---\n---\n1. Install:\n{% highlight bash %}\npip install x\n{% endhighlight %}\n' +
      '2. Run it {% highlight python %}print(1){% endhighlight %} inline.\n\nText\n',
    'plain.html': '---\n---\n<div>{% highlight python %}x = 1{% endhighlight %}</div>\n',
  });
  const result = runCli(['build', '-s', source]);
  assert.equal(result.code, 0, result.stderr);
  const page = (name: string) => readFileSync(path.join(source, '_site', name), 'utf8');
  assert.equal(
    page('list.html'),
    '<ol>\n  <li>Install:</li>\n</ol>\n\n' +
      '<figure class="highlight"><pre><code class="language-bash" data-lang="bash">pip <span class="nb">install </span>x</code></pre></figure>\n\n' +
      '<ol>\n  <li>Run it</li>\n</ol>\n' +
      '<figure class="highlight"><pre><code class="language-python" data-lang="python"><span class="k">print</span><span class="p">(</span><span class="mi">1</span><span class="p">)</span></code></pre></figure>\n' +
      '<p>inline.</p>\n\n<p>Text</p>\n',
  );
  assert.equal(
    page('plain.html'),
    '<div><figure class="highlight"><pre><code class="language-python" data-lang="python"><span class="n">x</span> <span class="o">=</span> <span class="mi">1</span></code></pre></figure></div>\n',
  );
});
