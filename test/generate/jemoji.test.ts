import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runGenerators, runPostRender } from '../../src/generate/index.ts';
import { emojify, emojiSrc } from '../../src/generate/jemoji.ts';
import { page, quiet, readTempSite } from './helpers.ts';

const SRC = 'https://github.githubassets.com/images/icons/';
const img = (name: string, file: string) =>
  `<img class="emoji" title=":${name}:" alt=":${name}:" src="https://github.githubassets.com/images/icons/emoji/unicode/${file}.png" height="20" width="20">`;

test('jemoji turns :name: in text into GitHub emoji images', () => {
  assert.equal(
    emojify('<p>Hi :smile: and :+1:</p>', SRC),
    `<p>Hi ${img('smile', '1f604')} and ${img('+1', '1f44d')}</p>`,
  );
  // Variation selectors and joiners are left out of the file name, as gemoji does.
  assert.equal(
    emojify(':copyright: :family_man_woman_boy:', SRC),
    `${img('copyright', '00a9')} ${img('family_man_woman_boy', '1f468-1f469-1f466')}`,
  );
  assert.equal(
    emojify('not :an_emoji: but :foo:smile:', SRC),
    `not :an_emoji: but :foo${img('smile', '1f604')}`,
  );
});

test('jemoji leaves code, pre, tt, attributes, comments and scripts alone, and only touches the body', () => {
  const html =
    '<html><head><title>:smile:</title></head><body class="x">\n<a title=":smile:">:smile:</a><code>:smile:</code><pre>a <b>:smile:</b></pre><!-- :smile: --><script>":smile:"</script>:tada:</body></html>';
  assert.equal(
    emojify(html, SRC),
    `<html><head><title>:smile:</title></head><body class="x">\n<a title=":smile:">${img('smile', '1f604')}</a><code>:smile:</code><pre>a <b>:smile:</b></pre><!-- :smile: --><script>":smile:"</script>${img('tada', '1f389')}</body></html>`,
  );
});

test('jemoji: emoji.src from the config, ASSET_HOST_URL, and only HTML output', async () => {
  assert.equal(emojiSrc({ emoji: { src: 'https://cdn.example/e/' } }), 'https://cdn.example/e/');
  const saved = process.env.ASSET_HOST_URL;
  process.env.ASSET_HOST_URL = 'https://assets.example/';
  try {
    assert.equal(emojiSrc({}), 'https://assets.example/images/icons/');
  } finally {
    if (saved === undefined) delete process.env.ASSET_HOST_URL;
    else process.env.ASSET_HOST_URL = saved;
  }
  const site = readTempSite({
    '_config.yml': 'plugins: [jemoji]\n',
    'a.md': '---\n---\n:smile:\n',
    'b.txt': '---\n---\n:smile:\n',
  });
  await runGenerators(site, quiet);
  for (const p of site.pages) p.output = `<p>${p.rawContent.trim()}</p>`;
  await runPostRender(site);
  assert.equal(page(site, '/a.html').output, `<p>${img('smile', '1f604')}</p>`);
  assert.equal(page(site, '/b.txt').output, '<p>:smile:</p>');
});
