/**
 * `scholarsite citations`: counts from a stand-in OpenAlex (or Semantic Scholar) into
 * `_data/citations.yml`, shown beside each paper and as a total; a re-run with nothing new
 * upstream writes nothing; a failed fetch keeps the last counts; the publishing workflow runs it
 * weekly and commits the file.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { deployWorkflow } from '../../src/scaffold/deploy-workflow.ts';
import { runCliAsync } from '../support/cli.ts';
import { closedPort, startStandIn } from '../support/scholarly-apis.ts';
import { tempSite } from '../support/temp-site.ts';

const SITE = {
  '_config.yml':
    'theme: scholarsite\ntitle: T\nauthor: { name: Mira Okafor }\nscholar: { mailto: mira@example.org }\ninclude: [_pages]\ncollections: { publications: { output: true, permalink: "/:collection/:path/" } }\n',
  '_bibliography/papers.bib': [
    '@article{okafor2019burn, author = {Okafor, Mira}, title = {Mapping burn severity}, journal = {J. Ex.}, year = 2019, doi = {10.5555/JEFS.2019.14}}',
    '@misc{okafor2024seedlings, author = {Okafor, Mira}, title = {Seedlings and smoke}, year = 2024, eprint = {2405.14132}, archivePrefix = {arXiv}}',
    '@article{okafor2020notes, author = {Okafor, Mira}, title = {Field notes without an identifier}, journal = {J. Ex.}, year = 2020}',
    '',
  ].join('\n'),
  '_publications/2021-01-01-soil.md':
    '---\ntitle: Soil moisture limits establishment\ndate: 2021-01-01\nvenue: Example Journal of Forest Ecology\ndoi: 10.5555/ejfe.2021.39\n---\nText.\n',
  '_pages/about.md': '---\npermalink: /\ntitle: About\n---\nHello.\n\n{% include citations-total.html %}\n',
  '_pages/publications.md':
    '---\npermalink: /publications/\ntitle: Publications\n---\n{% bibliography %}\n\n{% include publications-by-year.html %}\n',
};

const COUNTS = { '10.5555/jefs.2019.14': 12, '10.48550/arxiv.2405.14132': 3, '10.5555/ejfe.2021.39': 0 };

test('citations writes the counts, the theme shows them, and a re-run changes nothing', async () => {
  const standIn = await startStandIn({
    orcid: {},
    crossref: {},
    doiBibtex: {},
    arxiv: {},
    dblp: {},
    citations: { ...COUNTS },
  });
  try {
    const site = tempSite(SITE);
    const file = path.join(site, '_data/citations.yml');
    const first = await runCliAsync(['citations', '-s', site], { env: standIn.env });
    assert.equal(first.code, 0, first.stderr);
    assert.match(
      first.stdout,
      /3 publications with a DOI or arXiv id, cited 15 times in all, by OpenAlex; _data\/citations\.yml written\.\n$/,
    );
    const data = parse(readFileSync(file, 'utf8'));
    assert.deepEqual(data.works, {
      '10.5555/jefs.2019.14': 12,
      'arxiv:2405.14132': 3,
      '10.5555/ejfe.2021.39': 0,
    });
    assert.equal(data.total, 15);
    assert.equal(data.source, 'OpenAlex');
    const request = standIn.requests.find((r) => r.url.startsWith('/openalex/works'));
    assert.match(String(request?.url), /filter=doi:.*%7C|filter=doi:.*\|/);
    assert.match(String(request?.url), /mailto=mira%40example\.org/);

    const written = readFileSync(file, 'utf8');
    const modified = statSync(file).mtimeMs;
    const again = await runCliAsync(['citations', '-s', site], { env: standIn.env });
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /_data\/citations\.yml unchanged\.\n$/);
    assert.equal(readFileSync(file, 'utf8'), written);
    assert.equal(statSync(file).mtimeMs, modified);

    const build = await runCliAsync(['build', '-s', site]);
    assert.equal(build.code, 0, build.stderr);
    const list = readFileSync(path.join(site, '_site/publications/index.html'), 'utf8');
    assert.match(
      list,
      /Mapping burn severity<\/a><\/p>[\s\S]*?2019 · <span class="citation-count">Cited by 12<\/span><\/p>/,
    );
    assert.match(list, /Seedlings and smoke[\s\S]*?2024 · <span class="citation-count">Cited by 3<\/span>/);
    // No count shown for a paper cited 0 times, nor for one without an identifier.
    assert.doesNotMatch(list, /Cited by 0/);
    assert.match(
      list,
      /Field notes without an identifier<\/a><\/p>[\s\S]*?<p class="bib-entry__venue"><cite>J\. Ex\.<\/cite>, 2020<\/p>/,
    );
    const home = readFileSync(path.join(site, '_site/index.html'), 'utf8');
    assert.match(
      home,
      /<p class="citations-total">Cited in all: <strong>15<\/strong>\s*<span class="citations-total__source">\(OpenAlex, \w+ \d+, \d{4}\)<\/span><\/p>/,
    );
  } finally {
    await standIn.close();
  }
});

test('a failed fetch keeps the last counts; offline is one clear error; Semantic Scholar on request', async () => {
  const standIn = await startStandIn({
    orcid: {},
    crossref: {},
    doiBibtex: {},
    arxiv: {},
    dblp: {},
    citations: { ...COUNTS },
  });
  try {
    const site = tempSite(SITE);
    const file = path.join(site, '_data/citations.yml');
    assert.equal((await runCliAsync(['citations', '-s', site], { env: standIn.env })).code, 0);
    const before = readFileSync(file, 'utf8');

    standIn.data.citations['10.5555/jefs.2019.14'] = 20;
    standIn.failNext('/openalex/', 503, 4, '0');
    const failed = await runCliAsync(['citations', '-s', site], { env: standIn.env });
    assert.equal(failed.code, 1);
    assert.match(failed.stderr, /^Error: 127\.0\.0\.1:\d+: OpenAlex could not be read: it answered 503/);
    assert.equal(readFileSync(file, 'utf8'), before);

    const refreshed = await runCliAsync(['citations', '-s', site], { env: standIn.env });
    assert.equal(refreshed.code, 0, refreshed.stderr);
    assert.match(refreshed.stdout, /cited 23 times in all \(\+8 since the last counts\)/);

    writeFileSync(
      path.join(site, '_config.yml'),
      `${SITE['_config.yml']}scholar: { citations: semanticscholar }\n`.replace(
        /scholar: \{ mailto: [^}]*\}\n/,
        '',
      ),
    );
    standIn.data.citations['10.5555/jefs.2019.14'] = 21;
    const s2 = await runCliAsync(['citations', '-s', site], { env: standIn.env });
    assert.equal(s2.code, 0, s2.stderr);
    const data = parse(readFileSync(file, 'utf8'));
    assert.equal(data.source, 'Semantic Scholar');
    assert.deepEqual(data.works, {
      '10.5555/jefs.2019.14': 21,
      'arxiv:2405.14132': 3,
      '10.5555/ejfe.2021.39': 0,
    });
    const batch = standIn.requests.find((r) => r.url.startsWith('/s2/'));
    assert.equal(batch?.url, '/s2/graph/v1/paper/batch?fields=citationCount');

    const offline = await runCliAsync(['citations', '-s', site], {
      env: {
        ...standIn.env,
        SCHOLARSITE_SEMANTIC_SCHOLAR_API: `http://127.0.0.1:${await closedPort()}/graph/v1`,
      },
    });
    assert.equal(offline.code, 1);
    assert.match(
      offline.stderr,
      /could not reach Semantic Scholar \(ECONNREFUSED[\s\S]*Hint: This command needs the internet/,
    );
  } finally {
    await standIn.close();
  }
});

test('the publishing workflow refreshes the counts weekly and commits them, and publishes even when the fetch fails', () => {
  const workflow = parse(deployWorkflow('0.1.0'));
  assert.deepEqual(workflow.on.schedule, [{ cron: '23 4 * * 1' }]);
  assert.equal(workflow.permissions.contents, 'write');
  const steps = workflow.jobs.build.steps as { name?: string; run?: string; 'continue-on-error'?: boolean }[];
  const refresh = steps.findIndex((step) => step.name === 'Refresh citation counts');
  assert.ok(refresh > 0 && refresh < steps.findIndex((step) => step.name === 'Build with scholarsite'));
  assert.equal(steps[refresh]['continue-on-error'], true);

  // The step's script, run in a repository with a `scholarsite` that fails: nothing committed, no error.
  const repo = tempSite({ '_data/citations.yml': 'total: 1\n' });
  const bin = path.join(repo, '.bin');
  mkdirSync(bin);
  const git = (...args: string[]) => spawnSync('git', args, { cwd: repo, encoding: 'utf8' });
  git('init', '-q');
  git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'start', '--allow-empty');
  git('add', '_data');
  git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'counts');
  writeFileSync(
    path.join(bin, 'scholarsite'),
    '#!/bin/sh\necho "Error: could not reach OpenAlex" >&2\nexit 1\n',
  );
  chmodSync(path.join(bin, 'scholarsite'), 0o755);
  const run = spawnSync('bash', ['-e', '-c', String(steps[refresh].run)], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
  });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /::warning::Citation counts were not refreshed; the last ones are kept\./);
  assert.equal(git('log', '--format=%s').stdout, 'counts\nstart\n');
  assert.equal(readFileSync(path.join(repo, '_data/citations.yml'), 'utf8'), 'total: 1\n');

  // A `scholarsite` that writes new counts: they are committed (the push has nowhere to go here).
  writeFileSync(path.join(bin, 'scholarsite'), '#!/bin/sh\necho "total: 2" > _data/citations.yml\n');
  spawnSync('bash', ['-c', String(steps[refresh].run)], {
    cwd: repo,
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
  });
  assert.equal(git('log', '--format=%s').stdout, 'Update citation counts\ncounts\nstart\n');
});
