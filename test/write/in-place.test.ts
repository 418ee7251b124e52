import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { SiteError } from '../../src/errors.ts';
import { writeInPlace } from '../../src/write/in-place.ts';

function destination(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'scholarsite-in-place-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

test('writing in place replaces the changed files, deletes the gone ones and leaves the rest', async () => {
  const root = destination({ 'index.html': 'old', 'about/index.html': 'kept', 'gone.html': 'gone' });
  const picture = path.join(destination({ 'a.png': 'PNG' }), 'a.png');
  await writeInPlace(
    root,
    [
      { destination: 'index.html', source: 'index.md', text: 'new' },
      { destination: 'posts/a/index.html', source: '_posts/a.md', text: 'post' },
      { destination: 'images/a.png', source: 'images/a.png', copyFrom: picture },
    ],
    ['gone.html'],
  );
  assert.equal(readFileSync(path.join(root, 'index.html'), 'utf8'), 'new');
  assert.equal(readFileSync(path.join(root, 'posts/a/index.html'), 'utf8'), 'post');
  assert.equal(readFileSync(path.join(root, 'images/a.png'), 'utf8'), 'PNG');
  assert.equal(readFileSync(path.join(root, 'about/index.html'), 'utf8'), 'kept');
  assert.equal(existsSync(path.join(root, 'gone.html')), false);
  // No temporary file is left beside a target.
  assert.deepEqual(readdirSync(root).sort(), ['about', 'images', 'index.html', 'posts']);
});

test('writing in place refuses a path that leaves the destination', async () => {
  const root = destination({});
  await assert.rejects(
    writeInPlace(root, [{ destination: '../outside.html', source: 'x.md', text: 'x' }], []),
    (error: unknown) => error instanceof SiteError && /outside the destination/.test(error.message),
  );
  assert.equal(existsSync(path.join(path.dirname(root), 'outside.html')), false);
});
