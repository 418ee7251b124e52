import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Dependency, parseDependency } from '../../src/site/dependency.ts';

test('dependency keys: each constructor’s key parses back to what it was made from', () => {
  assert.deepEqual(parseDependency(Dependency.layout('default')), { kind: 'layout', name: 'default' });
  assert.deepEqual(parseDependency(Dependency.list('posts')), { kind: 'list', name: 'posts' });
  assert.deepEqual(parseDependency(Dependency.data('news')), { kind: 'data', name: 'news' });
  assert.deepEqual(parseDependency(Dependency.content('/site/_posts/a:b.md')), {
    kind: 'content',
    name: '/site/_posts/a:b.md',
  });
  assert.deepEqual(parseDependency(Dependency.timeShown(['date', '%Y'], '2026')), {
    kind: 'time-shown',
    how: ['date', '%Y'],
    text: '2026',
  });
  assert.deepEqual(parseDependency(Dependency.timeItself), { kind: 'time' });
  assert.equal(parseDependency('not a key'), undefined);
});

test('dependency keys: an include is known by its cleaned name, however a template wrote it', () => {
  assert.equal(Dependency.include('/nav/../footer.html'), Dependency.include('footer.html'));
  assert.equal(Dependency.include('./a//b.html'), 'include:a/b.html');
});
