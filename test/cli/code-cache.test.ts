/**
 * The commands' code cache (src/cli/load-command.ts): V8's compiled code of each command, kept
 * beside its bundle. Whatever state it is in, a build works the same; a missing or damaged one is
 * made again. Each test runs a copy of the package, so the cache the other tests use is untouched.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { tempDir, tempSite } from '../support/temp-site.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** A copy of the built package (its bin, dist and package.json) that shares node_modules and theme. */
function packageCopy(): { root: string; cacheFile: string } {
  const root = tempDir('scholarsite-package-');
  cpSync(path.join(ROOT, 'bin'), path.join(root, 'bin'), { recursive: true });
  cpSync(path.join(ROOT, 'dist'), path.join(root, 'dist'), { recursive: true });
  cpSync(path.join(ROOT, 'package.json'), path.join(root, 'package.json'));
  for (const shared of ['node_modules', 'theme'])
    symlinkSync(path.join(ROOT, shared), path.join(root, shared));
  const cacheFile = path.join(root, 'dist/cli', `build.cjs.${process.version}-${process.arch}.cache`);
  return { root, cacheFile };
}

function build(root: string, source: string) {
  const result = spawnSync(
    process.execPath,
    [path.join(root, 'bin/scholarsite.js'), 'build', '-q', '-s', source],
    {
      encoding: 'utf8',
    },
  );
  assert.equal(result.status, 0, result.stderr);
  assert.equal(readFileSync(path.join(source, '_site/index.html'), 'utf8'), '<p>Hello</p>\n');
}

describe('the code cache of the commands', () => {
  const source = tempSite({ '_config.yml': 'title: T\n', 'index.md': '---\n---\nHello\n' });

  test('a build without one makes it; the next build uses it', () => {
    const { root, cacheFile } = packageCopy();
    rmSync(cacheFile);
    build(root, source);
    const made = readFileSync(cacheFile);
    assert.ok(made.length > 100_000, `a cache of ${made.length} bytes`);
    build(root, source);
    assert.deepEqual(readFileSync(cacheFile), made, 'an accepted cache is not written again');
  });

  test('a damaged one is ignored and made again', () => {
    const { root, cacheFile } = packageCopy();
    writeFileSync(cacheFile, 'not a code cache');
    build(root, source);
    assert.ok(readFileSync(cacheFile).length > 100_000);
    assert.ok(
      !readdirSync(path.dirname(cacheFile)).some((name) => /\.cache\.\d+$/.test(name)),
      'no partial file',
    );
  });

  test('npm run build leaves one for the build command', () => {
    assert.ok(existsSync(path.join(ROOT, 'dist/cli', `build.cjs.${process.version}-${process.arch}.cache`)));
  });
});
