import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { test } from 'node:test';
import { type CliResult, runCli } from '../support/cli.ts';
import { tempSite } from '../support/temp-site.ts';

const LAYOUT = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{{ page.title }}</title>
</head>
<body>
{{ content }}
</body>
</html>
`;

/** A small site with one of each kind of problem. */
function siteWithProblems(): string {
  return tempSite({
    '_config.yml': 'title: Check fixture\nurl: https://example.org\npermalink: pretty\n',
    '_layouts/default.html': LAYOUT,
    'index.md': `---
layout: default
title: Home
---
[About](/about/), [contact](/about/#contact), [top](#top), [mail](mailto:ada@example.org),
[phone](tel:+123), [publications](https://example.org/publications/) and [elsewhere](http://example.com/page).
`,
    'publications.md': '---\nlayout: default\ntitle: Publications\n---\nPapers.\n',
    'notitle.md': '---\nlayout: default\n---\nNo title here.\n',
    'images/ok.png': 'PNG',
    'about.md': `---
layout: default
title: About
---
## Contact

Read [my papers](/publicatons/) or [the part that is not there](/about/#nowhere).

![A portrait](/images/missing.png)

[The paper](/files/paper.pdf)

<img src="/images/ok.png">

<script src="http://cdn.example.com/x.js"></script>

<div id="twice">one</div>
<div id="twice">two</div>

<p>a paragraph <div>inside</div></p>
`,
    // A static page, copied as it is.
    'extra/notes.html':
      '<!DOCTYPE html>\n<html lang="en">\n<head><title>Notes</title></head>\n<body>\n<a href="../gone.html">gone</a>\n</body>\n</html>\n',
  });
}

interface Report {
  summary: { errors: number; warnings: number; pages: number; externalLinks?: number };
  problems: {
    severity: string;
    rule: string;
    message: string;
    file: string;
    line?: number;
    output: string;
    outputLine?: number;
    template?: { file: string; line: number };
    hint: string;
  }[];
}

function json(result: CliResult): Report {
  return JSON.parse(result.stdout) as Report;
}

/** One line per problem: what a reader of the report needs to act on it. */
function brief(report: Report): string[] {
  return report.problems.map(
    (p) => `${p.severity} ${p.rule} ${p.file}${p.line === undefined ? '' : `:${p.line}`}: ${p.message}`,
  );
}

test('check finds each kind of problem, names the source file and line, and exits 1', () => {
  const source = siteWithProblems();
  const result = runCli(['check', '-s', source, '--json']);
  assert.equal(result.code, 1, result.stderr);
  const report = json(result);
  assert.deepEqual(brief(report), [
    'error broken-anchor about.md:7: the link to /about/#nowhere: this page has no id="nowhere"',
    'error broken-link about.md:7: the link to /publicatons/ leads to no page of the site',
    'error missing-image about.md:9: the image /images/missing.png leads to no file of the site',
    'error missing-file about.md:11: the link to /files/paper.pdf leads to no file of the site',
    'warning missing-alt about.md:13: <img src="/images/ok.png"> has no alt text',
    'warning mixed-content about.md:15: <script src="http://cdn.example.com/x.js"> loads over http:// on a page served over https://',
    'error duplicate-id about.md:17: id="twice" is used 2 times',
    "error invalid-html about.md: Stray end tag '</p>' (html-validate: close-order)",
    'error broken-link extra/notes.html:5: the link to ../gone.html leads to no page of the site',
    'warning missing-title notitle.md: the page has an empty <title>',
  ]);
  assert.deepEqual(report.summary, { errors: 7, warnings: 3, pages: 5 });

  // The JSON shape CI reads: every problem has these fields, the line in the built file too.
  for (const problem of report.problems) {
    assert.match(problem.severity, /^(error|warning)$/);
    for (const key of ['rule', 'message', 'file', 'output', 'hint'] as const)
      assert.equal(typeof problem[key], 'string', `${key} of ${problem.message}`);
  }
  const broken = report.problems.find((p) => p.rule === 'broken-link' && p.file === 'about.md');
  assert.equal(broken?.output, 'about/index.html');
  assert.equal(broken?.hint, 'Did you mean /publications/? Correct the address, or create the page.');
  const invalid = report.problems.find((p) => p.rule === 'invalid-html');
  assert.equal(invalid?.output, 'about/index.html');
  assert.equal(invalid?.outputLine, 23);
  assert.match(invalid?.hint ?? '', /The built line: <p>a paragraph <div>inside<\/div><\/p>$/);

  // The user's own _site is never written: the check builds into a temporary folder.
  assert.equal(existsSync(path.join(source, '_site')), false);
});

test('the report groups problems by source file, each with its place and a hint, and ends with a summary', () => {
  const result = runCli(['check', '-s', siteWithProblems(), '-q']);
  assert.equal(result.code, 1);
  assert.equal(result.stderr, '');
  const out = result.stdout;
  assert.match(
    out,
    /^about\.md → about\/index\.html\n {2}Error: about\.md:7: the link to \/about\/#nowhere: this page has no id="nowhere" \[broken-anchor\]\n {4}Hint: /,
  );
  assert.match(
    out,
    /\n {2}Error: about\.md:7: the link to \/publicatons\/ leads to no page of the site \[broken-link\]\n {4}Hint: Did you mean \/publications\/\? Correct the address, or create the page\.\n/,
  );
  // No source line for the markup: the built page's line, said as such.
  assert.match(out, /\n {2}Error: about\/index\.html:23 \(line in the built page\): Stray end tag '<\/p>'/);
  assert.match(
    out,
    /\nnotitle\.md → notitle\/index\.html\n {2}Warning: notitle\.md: the page has an empty <title> \[missing-title\]\n/,
  );
  assert.match(out, /\n7 errors, 3 warnings in 5 pages\n$/);
});

test('a clean site passes: no problems, exit code 0', () => {
  const source = tempSite({
    '_config.yml': 'title: Clean\nurl: https://example.org\nbaseurl: /site\n',
    '_layouts/default.html': LAYOUT,
    'index.md': `---
layout: default
title: Home
---
## Hello

[About]({{ '/about/' | relative_url }}), [the same](about/), [hello](#hello), [its Hello](about/#hello-again),
[the full address](https://example.org/site/about/), ![A dot]({{ '/images/dot.png' | relative_url }}),
[mail](mailto:ada@example.org), [script](javascript:void(0)), [elsewhere](http://example.com/).
`,
    'about.md': '---\nlayout: default\ntitle: About\npermalink: /about/\n---\n## Hello again\n',
    'images/dot.png': 'PNG',
  });
  const result = runCli(['check', '-s', source]);
  assert.equal(result.code, 0, result.stdout + result.stderr);
  assert.equal(result.stdout, '0 errors, 0 warnings in 2 pages\n');
  const quiet = runCli(['check', '-s', source, '--json', '-q']);
  assert.equal(quiet.code, 0);
  assert.deepEqual(json(quiet), { summary: { errors: 0, warnings: 0, pages: 2 }, problems: [] });
});

test('a link that misses the folder the site is served from is an error, with the fix', () => {
  const source = tempSite({
    // academicpages' habit: the project folder in `url`, `baseurl` empty.
    '_config.yml': 'title: Project\nurl: https://me.github.io/proj\n',
    '_layouts/default.html': LAYOUT,
    'index.md': '---\nlayout: default\ntitle: Home\n---\n[CV](/cv/) and [CV again]({{ site.url }}/cv/)\n',
    'cv.md': '---\nlayout: default\ntitle: CV\npermalink: /cv/\n---\nCV\n',
  });
  const result = runCli(['check', '-s', source, '--json']);
  assert.equal(result.code, 1);
  const report = json(result);
  assert.deepEqual(brief(report), [
    'error broken-link index.md:5: the link to /cv/ leads outside the site, which is served from /proj/',
  ]);
  assert.match(report.problems[0].hint, /`url: https:\/\/me\.github\.io` and `baseurl: \/proj`/);

  // With -b the folder is the baseurl.
  const withBase = runCli(['check', '-s', source, '-b', '/proj', '--json']);
  assert.deepEqual(brief(json(withBase)), [
    'error broken-link index.md:5: the link to /cv/ leads outside the site, which is served from /proj/',
  ]);
  assert.match(json(withBase).problems[0].hint, /\{\{ '\/cv\/' \| relative_url \}\}/);
});

test('a problem an include puts on many pages is shown once, at the include line, with the pages', () => {
  const pages: Record<string, string> = {};
  for (const name of ['one', 'two', 'three'])
    pages[`${name}.md`] = `---\nlayout: default\ntitle: ${name}\n---\nPage ${name}.\n`;
  const source = tempSite({
    '_config.yml': 'title: Shared\npermalink: pretty\n',
    '_layouts/default.html': LAYOUT.replace('{{ content }}', '{{ content }}\n{% include footer.html %}'),
    '_includes/footer.html': '<footer>\n  <a href="/sitemap/">Sitemap</a>\n</footer>\n',
    ...pages,
  });
  const result = runCli(['check', '-s', source, '-q']);
  assert.equal(result.code, 1);
  assert.equal(
    result.stdout,
    [
      'On many pages, so in a layout or include:',
      '  Error: _includes/footer.html:2: the link to /sitemap/ leads to no page of the site [broken-link]',
      '    On 3 pages: one.md, three.md, two.md',
      '    Hint: Correct the address, or create the page.',
      '',
      '3 errors, 0 warnings in 3 pages',
      '',
    ].join('\n'),
  );
  const report = json(runCli(['check', '-s', source, '--json']));
  assert.deepEqual(
    report.problems.map((p) => [p.file, p.template]),
    ['one.md', 'three.md', 'two.md'].map((file) => [file, { file: '_includes/footer.html', line: 2 }]),
  );
});

test('a site that does not build: its errors as build prints them, exit 1, and nothing checked', () => {
  const source = tempSite({ 'index.html': '---\n---\n{% include missing.html %}\n' });
  const result = runCli(['check', '-s', source]);
  assert.equal(result.code, 1);
  assert.match(
    result.stderr,
    /Error: index\.html:3:1: Liquid: Could not locate the included file 'missing\.html'/,
  );
  assert.match(result.stderr, /Build failed: 1 error, so nothing was checked\./);
  assert.equal(result.stdout, '');
  const report = json(runCli(['check', '-s', source, '--json']));
  assert.equal(report.summary.errors, 1);
  assert.equal(report.problems[0].rule, 'build');
  assert.equal(report.problems[0].file, 'index.html');
});

/** The command run without blocking this process, so a server in it can answer. */
function runCliAsync(args: string[]): Promise<CliResult> {
  const bin = path.resolve(import.meta.dirname, '../../bin/scholarsite.js');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

test('--external asks other sites (HEAD, then GET), reports failures and timeouts as warnings, and caches answers', async (t) => {
  const asked: string[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((request, response) => {
    asked.push(`${request.method} ${request.url}`);
    if (request.url === '/good') response.writeHead(200).end('ok');
    else if (request.url === '/head-refused') response.writeHead(request.method === 'HEAD' ? 405 : 200).end();
    else if (request.url === '/slow') {
      // Answers long after the time limit the test sets.
      const timer = setTimeout(() => response.writeHead(200).end(), 30_000);
      timers.add(timer);
    } else response.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    for (const timer of timers) clearTimeout(timer);
    server.closeAllConnections();
    server.close();
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const source = tempSite({
    '_config.yml': 'title: Links\n',
    '_layouts/default.html': LAYOUT,
    'index.md': `---
layout: default
title: Home
---
[good](${origin}/good)

[refuses HEAD](${origin}/head-refused)

[gone](${origin}/gone)

[slow](${origin}/slow)
`,
  });

  const first = await runCliAsync(['check', '-s', source, '--external', '--timeout', '0.5', '--json']);
  assert.equal(first.code, 0, first.stderr); // warnings only
  const report = json(first);
  assert.deepEqual(brief(report), [
    `warning external-link index.md:9: ${origin}/gone is gone (404)`,
    `warning external-link index.md:11: ${origin}/slow did not answer in time`,
  ]);
  assert.deepEqual(report.summary, { errors: 0, warnings: 2, pages: 1, externalLinks: 4 });
  assert.deepEqual([...asked].sort(), [
    'GET /gone',
    'GET /head-refused',
    'HEAD /gone',
    'HEAD /good',
    'HEAD /head-refused',
    'HEAD /slow',
  ]);
  const cache = JSON.parse(readFileSync(path.join(source, '.jekyll-cache/scholarsite/links.json'), 'utf8'));
  assert.deepEqual(Object.keys(cache).sort(), [`${origin}/gone`, `${origin}/good`, `${origin}/head-refused`]);

  // The second run asks only about the link that did not answer; the others come from the cache.
  asked.length = 0;
  const second = await runCliAsync(['check', '-s', source, '--external', '--timeout', '0.5']);
  assert.equal(second.code, 0, second.stderr);
  assert.deepEqual(asked, ['HEAD /slow']);
  assert.match(
    second.stdout,
    /Warning: index\.md:9: http:\/\/127\.0\.0\.1:\d+\/gone is gone \(404\) \[external-link\]/,
  );
  assert.match(second.stdout, /\n0 errors, 2 warnings in 1 page \(and 4 external links\)\n$/);
});

test('addresses in CSS are checked: stylesheets (their Sass partial and line), <style> and style=""', () => {
  const source = tempSite({
    '_config.yml': 'title: Styles\npermalink: pretty\n',
    '_layouts/default.html': LAYOUT.replace(
      '</head>',
      '<link rel="stylesheet" href="/assets/main.css">\n<link rel="stylesheet" href="/assets/plain.css">\n</head>',
    ),
    '_sass/_header.scss': [
      '.header {',
      '  /* url(/images/commented-out.png) is not loaded */',
      '  background: url("/images/banner.png") no-repeat;',
      '}',
      '.logo { background-image: url(../images/logo.png); }',
      '.mask { clip-path: url(#clip); mask: url(data:image/svg+xml;base64,AAAA); }',
      '',
    ].join('\n'),
    'assets/main.scss':
      '---\n---\n@import "header";\n@font-face { font-family: F; src: url(fonts/f.woff2?v=2#x); }\n',
    'assets/plain.css': 'body {\n  background: url(../images/paper.jpg);\n}\n',
    'assets/fonts/f.woff2': 'font',
    'images/logo.png': 'PNG',
    'index.md': [
      '---',
      'layout: default',
      'title: Home',
      '---',
      '<div style="background-image: url(\'/images/hero.jpg\')">Hello</div>',
      '',
      '<style>',
      '.card { background: url(/images/logo.png); }',
      '.quote { background: url(/images/quote.svg); }',
      '</style>',
      '',
    ].join('\n'),
  });
  const result = runCli(['check', '-s', source, '--json']);
  assert.equal(result.code, 1, result.stderr);
  const report = json(result);
  assert.deepEqual(brief(report), [
    'error missing-image assets/main.scss: url(/images/banner.png) leads to no file of the site',
    'error missing-image assets/plain.css:2: url(../images/paper.jpg) leads to no file of the site',
    'error missing-image index.md:5: url(/images/hero.jpg) leads to no file of the site',
    'error missing-image index.md:9: url(/images/quote.svg) leads to no file of the site',
  ]);
  const banner = report.problems[0];
  assert.deepEqual(banner.template, { file: '_sass/_header.scss', line: 3 });
  assert.equal(banner.output, 'assets/main.css');
  assert.equal(
    report.problems[1].hint,
    'Correct the address, or put the file at images/paper.jpg in your site folder.',
  );
});

test('markup before the doctype is one error, and the rest of the page is still checked', () => {
  const source = tempSite({
    '_config.yml': 'title: Check fixture\n',
    '_includes/analytics.html': '<script async src="https://www.googletagmanager.com/gtag/js?id=X"></script>',
    '_layouts/default.html': `{% include analytics.html %}\n${LAYOUT}`,
    'index.md': '---\nlayout: default\ntitle: Home\n---\nName my scripts run_<program>.qsub.\n',
  });
  const report = json(runCli(['check', '-s', source, '--json']));
  assert.deepEqual(brief(report), [
    'error invalid-html index.md: markup comes before <!doctype html>, so browsers show the page in quirks mode',
    'error invalid-html index.md: <program> is not a valid element name (html-validate: element-name)',
  ]);
  const late = report.problems[0];
  assert.equal(late.outputLine, 1);
  assert.deepEqual(late.template, { file: '_includes/analytics.html', line: 1 });
  assert.match(late.hint, /Move what the layout writes before <!doctype html> .* into <head>\./);
});
