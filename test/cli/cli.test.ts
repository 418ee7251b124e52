import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../support/cli.ts';
import { tempSite } from '../support/temp-site.ts';

test('--help and --version work', () => {
  const help = runCli(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /scholarsite build/);
  assert.match(help.stdout, /--destination/);
  const version = runCli(['--version']);
  assert.equal(version.code, 0);
  assert.match(version.stdout, /^scholarsite \d+\.\d+\.\d+/);
});

test('an unknown command or option says what to do and exits 1', () => {
  const unknown = runCli(['bild']);
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /unknown command 'bild'[\s\S]*--help/);
  const option = runCli(['build', '--nope']);
  assert.equal(option.code, 1);
  assert.match(option.stderr, /Unknown option '--nope'/);
});

test('build writes the site into the destination, -d and -s as in Jekyll', () => {
  const source = tempSite({
    '_config.yml': 'title: Hello\n',
    'index.md': '---\ntitle: Home\n---\n# {{ site.title }}\n',
    'style.css': 'a{}\n',
  });
  const destination = path.join(source, 'out');
  const result = runCli(['build', '-s', source, '-d', destination]);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(readFileSync(path.join(destination, 'index.html'), 'utf8'), '<h1 id="hello">Hello</h1>\n');
  assert.equal(readFileSync(path.join(destination, 'style.css'), 'utf8'), 'a{}\n');
});

test('broken front matter is a located warning; the build goes on, as in Jekyll', () => {
  const source = tempSite({
    'index.md': '---\ntitle: ok\n\tlayout: x\n---\nbody\n',
    'other.md': '---\n---\nfine\n',
  });
  const result = runCli(['build', '-s', source]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stderr, /Warning: index\.md:3:1: invalid YAML/);
  assert.match(result.stderr, /Built with 1 warning\./);
  assert.ok(existsSync(path.join(source, '_site', 'other.html')));
  const strict = runCli(['build', '-s', source, '--strict']);
  assert.equal(strict.code, 1);
  assert.match(strict.stderr, /Error: index\.md:3:1: invalid YAML/);
});

test('a failed build lists every error, exits 1, and leaves the previous _site untouched', () => {
  const source = tempSite({ 'index.html': '---\n---\n<p>first</p>\n' });
  assert.equal(runCli(['build', '-s', source]).code, 0);
  const before = readFileSync(path.join(source, '_site', 'index.html'), 'utf8');
  writeFileSync(path.join(source, 'index.html'), '---\n---\n{% include missing.html %}\n');
  writeFileSync(path.join(source, 'two.html'), '---\n---\n\n{% if %}\n');
  const result = runCli(['build', '-s', source]);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /index\.html:3/);
  assert.match(result.stderr, /missing\.html/);
  assert.match(result.stderr, /two\.html:4/);
  assert.match(result.stderr, /Build failed: 2 errors\. The previous site was left as it was\./);
  assert.equal(readFileSync(path.join(source, '_site', 'index.html'), 'utf8'), before);
  assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
});

test('the destination may not be the source or contain it', () => {
  const source = tempSite({ 'index.html': 'x' });
  const result = runCli(['build', '-s', source, '-d', source]);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /is the source folder or contains it/);
  assert.ok(existsSync(path.join(source, 'index.html')));
});

test('-V lists the configuration file and each file rendered; -q prints nothing on success', () => {
  const source = tempSite({ '_config.yml': 'title: T\n', 'index.md': '---\n---\nHi\n' });
  const verbose = runCli(['build', '-s', source, '-V']);
  assert.equal(verbose.code, 0);
  assert.match(verbose.stdout, /Configuration file: .*_config\.yml/);
  assert.match(verbose.stdout, /Rendering: index\.md/);
  const quiet = runCli(['build', '-s', source, '-q']);
  assert.equal(quiet.code, 0);
  assert.equal(quiet.stdout, '');
});

test('build and serve name a site folder that does not exist, without a stack trace', () => {
  for (const command of ['build', 'serve']) {
    const result = runCli([command, '-s', '/no/such/site']);
    assert.equal(result.code, 1);
    assert.equal(
      result.stderr,
      "Error: /no/such/site: there is no folder here\n  Hint: give your site's folder with -s, e.g. -s ~/my-site\n",
    );
  }
});
