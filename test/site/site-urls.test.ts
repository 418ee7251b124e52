import assert from 'node:assert/strict';
import { test } from 'node:test';
import { absoluteUrl, relativeUrl } from '../../src/site/site-urls.ts';

test('absolute_url and relative_url normalize as Jekyll (Addressable) does', () => {
  const config = { url: 'HTTPS://Example.COM:443', baseurl: '/base/' };
  // Each row: input, Jekyll 4.3.1's absolute_url, relative_url.
  const cases: [string, string, string][] = [
    ['/a b/é.html', 'https://example.com/base/a%20b/%C3%A9.html', '/base/a%20b/%C3%A9.html'],
    ['x/../y/./z', 'https://example.com/base/y/z', '/base/y/z'],
    [
      '/q?a=b c&d=%41#frag ment',
      'https://example.com/base/q?a=b%20c&d=A#frag%20ment',
      '/base/q?a=b%20c&d=A#frag%20ment',
    ],
    ['mailto:x@y', 'mailto:x@y', 'mailto:x@y'],
    ['', 'https://example.com/base', '/base'],
    ['/%7euser/%2f', 'https://example.com/base/~user/%2F', '/base/~user/%2F'],
    ['//double//slash', 'https://example.com/base//double//slash', '/base//double//slash'],
  ];
  for (const [input, absolute, relative] of cases) {
    assert.equal(absoluteUrl(config, input), absolute, input);
    assert.equal(relativeUrl(config, input), relative, input);
  }
  // academicpages sites often end `url` with a slash: Jekyll keeps the double slash.
  assert.equal(
    absoluteUrl({ url: 'https://zexilee.github.io/about-zexili/', baseurl: '' }, '/cv/'),
    'https://zexilee.github.io/about-zexili//cv/',
  );
  assert.equal(absoluteUrl({ baseurl: '' }, '/cv/'), '/cv/');
  assert.equal(absoluteUrl({}, undefined), undefined);
});
