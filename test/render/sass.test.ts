import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../support/cli.ts';
import { tempSite } from '../support/temp-site.ts';

const FILES = {
  '_config.yml': 'sass:\n  style: compressed\n',
  '_sass/_colours.scss': '$ink: #123456;\n',
  'assets/main.scss': '---\n---\n@import "colours";\nbody { color: $ink; }\n',
};
const site = () => tempSite(FILES);

test('stylesheets compile with _sass partials, and write a source map beside them', () => {
  const source = site();
  assert.equal(runCli(['build', '-s', source]).code, 0);
  const css = readFileSync(path.join(source, '_site/assets/main.css'), 'utf8');
  assert.match(css, /^body\{color:#123456\}/);
  assert.match(css, /sourceMappingURL=main\.css\.map/);
  const map = JSON.parse(readFileSync(path.join(source, '_site/assets/main.css.map'), 'utf8'));
  assert.equal(map.file, 'main.css');
  assert.ok(map.sources.includes('_sass/_colours.scss'));
});

test('compiled stylesheets are cached in .jekyll-cache, and an edited partial is compiled again', () => {
  const source = site();
  assert.equal(runCli(['build', '-s', source]).code, 0);
  assert.ok(existsSync(path.join(source, '.jekyll-cache/scholarsite/sass')));
  assert.ok(!existsSync(path.join(source, '_site/.jekyll-cache')), 'the cache is never written out');
  writeFileSync(path.join(source, '_sass/_colours.scss'), '$ink: #abcdef;\n');
  assert.equal(runCli(['build', '-s', source]).code, 0);
  assert.match(readFileSync(path.join(source, '_site/assets/main.css'), 'utf8'), /color:#abcdef/);
});

test('--disable-disk-cache keeps nothing between builds', () => {
  const source = site();
  assert.equal(runCli(['build', '-s', source, '--disable-disk-cache']).code, 0);
  assert.ok(!existsSync(path.join(source, '.jekyll-cache')));
});

test('a Sass error names the stylesheet and line', () => {
  const source = site();
  writeFileSync(path.join(source, 'assets/main.scss'), '---\n---\nbody { color: $nope; }\n');
  const result = runCli(['build', '-s', source]);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /Error: assets\/main\.scss:3:\d+: Sass: Undefined variable/);
});

test('an error in a partial names the partial and its line', () => {
  const source = site();
  writeFileSync(path.join(source, '_sass/_colours.scss'), '$ink: #123456;\n.a { width: 1px +; }\n');
  const result = runCli(['build', '-s', source]);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /Error: _sass\/_colours\.scss:2:\d+: Sass: Expected expression/);
});

test('several stylesheets, SCSS and indented, compile in one build, each to its own CSS', () => {
  const source = site();
  writeFileSync(
    path.join(source, 'assets/print.scss'),
    '---\n---\n@import "colours";\n.print { border-color: $ink; }\n',
  );
  writeFileSync(path.join(source, 'assets/old.sass'), '---\n---\n@import "colours"\n.old\n  color: $ink\n');
  assert.equal(runCli(['build', '-s', source, '--disable-disk-cache']).code, 0);
  const css = (name: string) => readFileSync(path.join(source, '_site/assets', name), 'utf8');
  assert.match(css('main.css'), /^body\{color:#123456\}/);
  assert.match(css('print.css'), /^\.print\{border-color:#123456\}/);
  assert.match(css('old.css'), /^\.old\{color:#123456\}/);
});

test('the scssify filter compiles with the site’s settings, inside a page', () => {
  const source = site();
  writeFileSync(
    path.join(source, 'index.html'),
    // Captured: Ruby Liquid ends an output tag at its first `}`, so `{ … }` cannot sit inside `{{ }}`.
    "---\n---\n{% capture scss %}@import 'colours'; .x { color: $ink; }{% endcapture %}<style>{{ scss | scssify }}</style>\n",
  );
  const result = runCli(['build', '-s', source]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(
    readFileSync(path.join(source, '_site/index.html'), 'utf8'),
    /<style>\.x\{color:#123456\}\n<\/style>/,
  );
});

test('a site in a folder whose name has a space: the map names its sources, an error its partial', () => {
  const folder = 'My Site é';
  const source = path.join(
    tempSite(Object.fromEntries(Object.entries(FILES).map(([name, text]) => [`${folder}/${name}`, text]))),
    folder,
  );
  assert.equal(runCli(['build', '-s', source]).code, 0);
  const map = JSON.parse(readFileSync(path.join(source, '_site/assets/main.css.map'), 'utf8'));
  assert.deepEqual(map.sources, ['assets/main.scss', '_sass/_colours.scss']);
  writeFileSync(path.join(source, '_sass/_colours.scss'), '$ink: #123456;\n.a { width: 1px +; }\n');
  const result = runCli(['build', '-s', source]);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /Error: _sass\/_colours\.scss:2:\d+: Sass: Expected expression/);
});
