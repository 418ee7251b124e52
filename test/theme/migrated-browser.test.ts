/**
 * An academicpages-shaped site after `scholarsite migrate`, in a real browser: the theme's pages,
 * with what migrate carried over (the site's own includes and layouts, the cv-json page, comments
 * and analytics settings, author and footer links, a locale) pass axe-core's WCAG 2.2 AA rules in
 * light and dark mode, and nothing loads from another server that the site did not ask for.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { serveSiteFile } from '../../src/serve/static.ts';
import { launchBrowser, NO_CHROMIUM } from '../support/browser.ts';
import { runCli } from '../support/cli.ts';
import { tempDir, tempSite } from '../support/temp-site.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** As academicpages writes its list items: the markup a carried include brings. */
const AWARD_ITEM = `{% include base_path %}
<div class="list__item">
  <article class="archive__item" itemscope itemtype="http://schema.org/CreativeWork">
    <h2 class="archive__item-title" itemprop="headline"><a href="{{ base_path }}{{ post.url }}" rel="permalink">{{ post.title }}</a></h2>
    <p class="page__date"><strong><i class="fa fa-fw fa-calendar" aria-hidden="true"></i> Date:</strong> <time datetime="{{ post.date | date_to_xmlschema }}">{{ post.date | date: "%B %d, %Y" }}</time></p>
    {% include award-amount.html amount=post.amount %}
  </article>
</div>
`;

function academicpagesSite(): string {
  const root = tempSite({
    '_config.yml': `locale: "en-US"
title: "Ada Example"
url: "https://ada.github.io/homepage"
repository: "ada/homepage"
author:
  name: "Ada Example"
  avatar: "profile.png"
  bio: "Professor of Examples"
  location: "Oslo, Norway"
  employer: "University of Examples"
  email: "ada@example.org"
  googlescholar: "https://scholar.google.com/citations?user=X"
  orcid: "https://orcid.org/0000-0000-0000-0001"
  github: "ada"
  tumblr: "ada"
  xing: "Ada_Example"
footer:
  links:
    - label: "GitHub"
      icon: "fab fa-fw fa-github"
      url: "https://github.com/ada"
comments:
  provider: "disqus"
  disqus:
    shortname: "ada-example"
analytics:
  provider: "google-gtag"
  google:
    tracking_id: "G-TEST"
collections:
  publications: { output: true, permalink: /:collection/:path/ }
  talks: { output: true, permalink: /:collection/:path/ }
  awards: { output: true, permalink: /:collection/:path/ }
defaults:
  - scope: { path: "", type: pages }
    values: { layout: single, author_profile: true }
  - scope: { path: "", type: publications }
    values: { layout: single, author_profile: true, share: true, comments: true }
  - scope: { path: "", type: talks }
    values: { layout: talk, author_profile: true }
  - scope: { path: "", type: awards }
    values: { layout: award, author_profile: true }
include: [_pages]
plugins: [jekyll-feed, jekyll-sitemap]
`,
    '_layouts/award.html':
      '---\nlayout: default\n---\n<div id="main" role="main">\n  {% include sidebar.html %}\n  <article class="page">{{ content }}</article>\n</div>\n',
    '_includes/archive-single-award.html': AWARD_ITEM,
    '_includes/award-amount.html':
      '{% if include.amount %}<p class="award-amount">Amount: {{ include.amount }}</p>{% endif %}',
    '_includes/cv-template.html': 'OLD CV',
    '_data/navigation.yml':
      'main:\n  - title: "Publications"\n    url: /publications/\n  - title: "Talks"\n    url: /talks/\n  - title: "Awards"\n    url: /awards/\n  - title: "CV"\n    url: /cv-json/\n',
    '_data/cv.json':
      '{"basics": {"name": "Ada Example", "label": "Professor"}, "work": [{"name": "University of Examples", "position": "Professor", "startDate": "2020-01-01"}], "education": [{"institution": "Example University", "area": "Examples", "studyType": "PhD", "endDate": "2019"}]}',
    'files/cv.pdf': 'PDF',
    '_pages/about.md':
      '---\npermalink: /\ntitle: "About me"\n---\nI study examples.\n\n[Publications]({{ base_path }}/publications/){: .btn .btn--info}\n\n**Open position:** a PhD student.\n{: .notice--info}\n\n## News\n\n* 2024: a paper in *Journal of Tests*.\n',
    '_pages/publications.md':
      '---\nlayout: archive\ntitle: "Publications"\npermalink: /publications/\n---\n{% include base_path %}\n{% for post in site.publications reversed %}\n  {% include archive-single.html %}\n{% endfor %}\n',
    '_pages/talks.md':
      '---\nlayout: archive\ntitle: "Talks"\npermalink: /talks/\n---\n{% for post in site.talks reversed %}\n  {% include archive-single-talk.html %}\n{% endfor %}\n',
    '_pages/awards.md':
      '---\nlayout: archive\ntitle: "Awards"\npermalink: /awards/\n---\n{% for post in site.awards reversed %}\n  {% include archive-single-award.html %}\n{% endfor %}\n',
    '_pages/cv-json.md':
      '---\nlayout: archive\ntitle: "CV"\npermalink: /cv-json/\nauthor_profile: false\n---\n{% include base_path %}\n\n{% include cv-template.html %}\n\n<a href="{{ base_path }}/files/cv.pdf" class="btn">Download CV as PDF</a>\n',
    '_pages/404.md':
      '---\ntitle: "Page Not Found"\npermalink: /404.html\n---\nSorry, that page is not here.\n',
    '_publications/2024-01-02-paper.md':
      '---\ntitle: "A paper on examples"\ncollection: publications\ndate: 2024-01-02\nvenue: "Journal of Tests"\npaperurl: "https://ada.github.io/homepage/files/cv.pdf"\ncitation: "Example, A. (2024). A paper on examples. <i>Journal of Tests</i>."\n---\nThis paper is about examples.\n',
    '_talks/2023-05-01-talk.md':
      '---\ntitle: "A talk on examples"\ncollection: talks\ntype: "Talk"\ndate: 2023-05-01\nvenue: "Example Conference"\nlocation: "Oslo, Norway"\n---\nTalked about examples.\n',
    '_awards/2022-06-01-prize.md':
      '---\ntitle: "Prize for examples"\ncollection: awards\ndate: 2022-06-01\namount: "1000 EUR"\n---\nGiven for examples.\n',
  });
  mkdirSync(path.join(root, 'images'));
  copyFileSync(
    path.resolve(import.meta.dirname, '../../theme/assets/vendor/leaflet/images/marker-icon.png'),
    path.join(root, 'images/profile.png'),
  );
  return root;
}

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

describe('a migrated academicpages site in a browser', { skip: NO_CHROMIUM }, () => {
  let site: string;
  let server: Server;
  let origin: string;
  let browser: Browser;

  before(async () => {
    const migrated = path.join(tempDir('scholarsite-migrated-'), 'site');
    const result = runCli(['migrate', academicpagesSite(), migrated, '--no-vendor']);
    assert.equal(result.code, 0, result.stderr);
    // Production: comments and analytics are in the pages, as GitHub Pages publishes them.
    const built = runCli(['build', '-s', migrated], { env: { JEKYLL_ENV: 'production' } });
    assert.equal(built.code, 0, built.stderr);
    site = path.join(migrated, '_site');
    server = createServer((request, response) =>
      serveSiteFile(request, response, { root: site, baseurl: '/homepage' }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    server?.close();
  });

  const PAGES = [
    '/',
    '/publications/',
    '/publications/2024-01-02-paper/',
    '/talks/',
    '/talks/2023-05-01-talk/',
    '/awards/',
    '/awards/2022-06-01-prize/',
    '/cv-json/',
    '/404.html',
  ];

  for (const dark of [false, true]) {
    test(`every page: no axe-core violation, only the comments and analytics the site set load from elsewhere (${dark ? 'dark' : 'light'} mode)`, async () => {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 800 },
        colorScheme: dark ? 'dark' : 'light',
      });
      const foreign = new Set<string>();
      // Nothing leaves the machine; what would is noted.
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith(origin) || url.startsWith('data:')) return route.continue();
        foreign.add(new URL(url).host);
        return route.abort();
      });
      const page = await context.newPage();
      const problems: string[] = [];
      for (const url of PAGES) {
        const response = await page.goto(`${origin}/homepage${url}`);
        assert.ok(response?.ok() || url === '/404.html', `${url} is served`);
        await page.evaluate(AXE);
        const violations = (await page.evaluate(
          `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_22_AA)} } }).then((r) => r.violations)`,
        )) as AxeViolation[];
        for (const v of violations)
          problems.push(
            `${url}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
          );
      }
      await context.close();
      assert.deepEqual(problems, []);
      assert.deepEqual([...foreign].sort(), ['ada-example.disqus.com', 'www.googletagmanager.com']);
    });
  }

  test("what migrate carried over shows on the theme: the award list, its item include, the CV from cv.json, academicpages' classes in the content, the profile links", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.route('**/*', (route) =>
      route.request().url().startsWith(origin) ? route.continue() : route.abort(),
    );
    const page = await context.newPage();
    await page.goto(`${origin}/homepage/awards/`);
    assert.equal(await page.locator('.award-amount').textContent(), 'Amount: 1000 EUR');
    await page.goto(`${origin}/homepage/cv-json/`);
    assert.match((await page.locator('main').textContent()) ?? '', /Example University/);
    await page.goto(`${origin}/homepage/`);
    const button = await page
      .locator('.page__content a.btn')
      .evaluate((a) => getComputedStyle(a).borderTopStyle);
    assert.equal(button, 'solid', "academicpages' .btn in the content has the theme's look");
    const links = await page
      .locator('.profile__links a')
      .evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).getAttribute('href')));
    assert.deepEqual(links, [
      'mailto:ada@example.org',
      'https://scholar.google.com/citations?user=X',
      'https://orcid.org/0000-0000-0000-0001',
      'https://github.com/ada',
      'https://ada.tumblr.com',
      'https://www.xing.com/profile/Ada_Example',
    ]);
    assert.equal(
      await page.evaluate(
        () => (document.querySelector('.profile__avatar') as HTMLImageElement).naturalWidth > 0,
      ),
      true,
      'the avatar is found under the site folder',
    );
    await context.close();
  });
});
