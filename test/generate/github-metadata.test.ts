import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { githubMetadata, originUrl } from '../../src/generate/github-metadata.ts';
import { runGenerators } from '../../src/generate/index.ts';
import { quiet, readTempSite } from './helpers.ts';

function withEnv<T>(vars: Record<string, string | undefined>, run: () => T): T {
  const saved: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(vars)) {
    saved[key] = process.env[key];
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  try {
    return run();
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

const CLEAN = {
  JEKYLL_ENV: undefined,
  PAGES_ENV: undefined,
  PAGES_REPO_NWO: undefined,
  PAGE_BUILD_ID: undefined,
};

test('site.github from the origin remote, as the gem gives it offline in development', async () => {
  const site = readTempSite({
    '_config.yml': 'plugins: [jekyll-github-metadata]\n',
    'index.md': '---\n---\n',
  });
  execFileSync('git', ['init', '-q', site.source]);
  execFileSync('git', ['-C', site.source, 'remote', 'add', 'origin', 'git@github.com:SomeUser/my-repo.git']);
  assert.equal(originUrl(site.source), 'git@github.com:SomeUser/my-repo.git');
  await withEnv(CLEAN, () => runGenerators(site, quiet));
  const github = site.config.github as Record<string, unknown>;
  // The values jekyll-github-metadata 2.15 printed for this repository with no network.
  assert.deepEqual(
    {
      environment: github.environment,
      pages_hostname: github.pages_hostname,
      project_title: github.project_title,
      owner_name: github.owner_name,
      owner_url: github.owner_url,
      repository_url: github.repository_url,
      repository_nwo: github.repository_nwo,
      zip_url: github.zip_url,
      clone_url: github.clone_url,
      is_user_page: github.is_user_page,
      is_project_page: github.is_project_page,
      url: github.url,
      baseurl: github.baseurl,
      contributors: github.contributors,
      source: github.source,
      issues_url: github.issues_url,
    },
    {
      environment: 'development',
      pages_hostname: 'localhost:4000',
      project_title: 'my-repo',
      owner_name: 'SomeUser',
      owner_url: 'https://github.com/SomeUser',
      repository_url: 'https://github.com/SomeUser/my-repo',
      repository_nwo: 'SomeUser/my-repo',
      zip_url: 'https://github.com/SomeUser/my-repo/zipball/gh-pages',
      clone_url: 'https://github.com/SomeUser/my-repo.git',
      is_user_page: false,
      is_project_page: true,
      url: 'https://github.com/pages/SomeUser/my-repo',
      baseurl: '/pages/SomeUser/my-repo',
      contributors: false,
      source: { branch: 'gh-pages', path: '/' },
      issues_url: null,
    },
  );
  // The gem's title fallback; url and baseurl stay unset outside production.
  assert.equal(site.config.title, 'my-repo');
  assert.equal(site.config.url, undefined);
});

test('site.github in production: `repository:` from the config, url and baseurl fallbacks', async () => {
  const site = readTempSite({
    '_config.yml':
      'plugins: [jekyll-github-metadata]\nrepository: SomeUser/my-repo\ngithub: {extra: 1, source: {branch: main}}\n',
  });
  await withEnv({ ...CLEAN, JEKYLL_ENV: 'production' }, () => runGenerators(site, quiet));
  assert.equal(site.config.url, 'https://github.com');
  assert.equal(site.config.baseurl, '/pages/SomeUser/my-repo');
  const github = site.config.github as Record<string, unknown>;
  assert.equal(github.pages_hostname, 'github.io');
  assert.equal(github.extra, 1);
  assert.deepEqual(github.source, { branch: 'main', path: '/' });
});

test('a user page repository (owner.github.com) and a site whose baseurl is set', () => {
  const site = readTempSite({ '_config.yml': 'repository: Someone/someone.github.com\nbaseurl: /x\n' });
  const github = withEnv(CLEAN, () => githubMetadata(site));
  assert.equal(github.is_user_page, true);
  assert.equal(github.url, 'https://github.com/pages/Someone');
  assert.deepEqual(github.source, { branch: 'master', path: '/' });
});
