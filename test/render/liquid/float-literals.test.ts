import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import { Tokenizer } from 'liquidjs';
import { installFloatLiterals } from '../../../src/render/liquid/float-literals.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const pinned = (
  JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  }
).dependencies.liquidjs;
const original = Tokenizer.prototype.readNumber;

test('float literals: the patch is written against the liquidjs that package.json pins', () => {
  const installedVersion = (createRequire(import.meta.url)('liquidjs/package.json') as { version: string })
    .version;
  assert.equal(pinned, '10.30.1', 'a new liquidjs: read its Tokenizer#readNumber, then update this test');
  assert.equal(installedVersion, pinned);
  // The source of the method the patch wraps: a change here is a change to check the patch against.
  const digest = createHash('sha256').update(original.toString()).digest('hex').slice(0, 16);
  assert.equal(digest, 'c505036bd677a166');
});

test('float literals: `1.0` is a Ruby Float, and installing twice wraps once', () => {
  installFloatLiterals();
  const once = Tokenizer.prototype.readNumber;
  installFloatLiterals();
  assert.equal(Tokenizer.prototype.readNumber, once);
  assert.notEqual(once, original);
  const literal = (text: string) => String(new Tokenizer(text).readNumber()?.content);
  assert.deepEqual(['1.0', '2', '-0.50', '3.25'].map(literal), ['1.0', '2', '-0.5', '3.25']);
});
