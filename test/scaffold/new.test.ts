/** `scholarsite new`: the starter site, copied for a user, builds into a complete homepage. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../support/cli.ts';
import { tempDir, tempSite } from '../support/temp-site.ts';

/** npm names the packed tarball after the package's version. */
const { version: packageVersion } = JSON.parse(
  readFileSync(path.join(import.meta.dirname, '../../package.json'), 'utf8'),
) as { version: string };

test('new writes the starter site and a publishing workflow, and the site builds without a warning', () => {
  const parent = tempDir('scholarsite-new-');
  const result = runCli(['new', 'my-site'], { cwd: parent });
  assert.equal(result.code, 0, result.stderr);
  assert.match(
    result.stdout,
    /^New site in .*my-site \(\d+ files\)\.\n\nNext:\n {2}scholarsite serve -s my-site /,
  );
  const site = path.join(parent, 'my-site');
  for (const file of [
    '_config.yml',
    '_pages/about.md',
    '_data/news.yml',
    '_data/navigation.yml',
    'blog/index.html',
    '.gitignore',
  ]) {
    assert.ok(existsSync(path.join(site, file)), file);
  }
  assert.ok(!existsSync(path.join(site, '_site')), 'no build output is copied');
  assert.ok(!existsSync(path.join(site, '_layouts')), 'the theme stays in the package');
  const workflow = readFileSync(path.join(site, '.github/workflows/scholarsite.yml'), 'utf8');
  assert.match(workflow, /uses: actions\/deploy-pages@v4/);
  assert.match(
    workflow,
    /npm install --global --no-audit --no-fund \.github\/scholarsite\/scholarsite-\*\.tgz/,
  );
  assert.match(workflow, /npm install --global --no-audit --no-fund scholarsite@\d+\.\d+\.\d+\n/);
  assert.match(workflow, /run: scholarsite build --baseurl "\$\{\{ steps.pages.outputs.base_path \}\}"/);
  // The scholarsite the workflow installs, packed as npm packs it (tools/pack-check.ts installs one).
  const vendored = path.join(site, `.github/scholarsite/scholarsite-${packageVersion}.tgz`);
  assert.ok(existsSync(vendored), 'the vendored copy');
  assert.deepEqual(
    [...readFileSync(vendored).subarray(0, 2)],
    [0x1f, 0x8b],
    'a gzipped tarball, as npm packs it',
  );

  const build = runCli(['build', '-s', site]);
  assert.equal(build.code, 0, build.stderr);
  assert.equal(build.stderr, '');
  const out = (file: string) => readFileSync(path.join(site, '_site', file), 'utf8');
  assert.match(out('index.html'), /<ul class="news">/, 'news on the home page');
  assert.match(
    out('publications/index.html'),
    /<h2 id="y2025" class="archive__subtitle">2025<\/h2>/,
    'publications by year',
  );
  assert.match(out('blog/index.html'), /<a rel="next" href="\/blog\/page2\/">/, 'a paginated blog');
  assert.match(out('blog/page3/index.html'), /<a aria-current="page" href="\/blog\/page3\/">3<\/a>/);
  assert.match(out('tags/index.html'), /<h2 id="fieldwork" class="archive__subtitle">fieldwork<\/h2>/);
  assert.match(out('year-archive/index.html'), /<h2 id="y2023" class="archive__subtitle">2023<\/h2>/);
  assert.match(out('talks/index.html'), /Keynote/);
  assert.match(out('teaching/index.html'), /archive-item__title/);
  assert.match(out('portfolio/index.html'), /<img class="archive-item__teaser" src="\/images\/portfolio-/);
  assert.match(out('cv/index.html'), /<span class="cv-entry__when">2023 – present<\/span>/);
  assert.match(out('404.html'), /Page not found/);
  assert.match(
    out('resume/index.html'),
    /<meta http-equiv="refresh" content="0; url=https:\/\/mira-okafor.example.org\/cv\/">/,
  );
  assert.match(out('2023/11/kyoto-workshop-notes/index.html'), /[\u3040-\u30ff\u4e00-\u9fff]/, 'CJK text');
  assert.match(
    out('2025/03/setting-up-a-recovery-simulation/index.html'),
    /<nav class="toc" aria-labelledby="toc-title">/,
  );
  assert.ok(existsSync(path.join(site, '_site/feed.xml')));
  assert.ok(existsSync(path.join(site, '_site/sitemap.xml')));
});

test('new never writes into a folder that has files, and says what to do', () => {
  const full = tempSite({ 'notes.txt': 'mine' });
  const result = runCli(['new', full]);
  assert.equal(result.code, 1);
  assert.match(
    result.stderr,
    /^Error: .*: the folder is not empty \(it has notes.txt\)\n {2}Hint: Choose a new folder name/,
  );
  assert.equal(readFileSync(path.join(full, 'notes.txt'), 'utf8'), 'mine');
  assert.ok(!existsSync(path.join(full, '_config.yml')));

  const usage = runCli(['new']);
  assert.equal(usage.code, 1);
  assert.match(usage.stderr, /Hint: scholarsite new my-site/);
});
