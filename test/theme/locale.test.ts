/**
 * The theme's words in the site's `locale`, with academicpages' own _data/ui-text.yml merged over
 * the theme's; and academicpages' profile links, each shown.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { BUILT_IN_THEME_ROOT } from '../../src/config/theme.ts';
import { runCli } from '../support/cli.ts';
import { tempSite } from '../support/temp-site.ts';

/** academicpages' ui-text.yml as sites have it: its keys only, region variants by merge key. */
const ACADEMICPAGES_UI_TEXT = `en: &DEFAULT_EN
  page                       : "Page"
  toc_label                  : "On This Page"
  comments_label             : "Leave a Comment"
  meta_label                 :
en-US:
  <<: *DEFAULT_EN
fr: &DEFAULT_FR
  page                       : "Page"
  toc_label                  : "Sur cette page (site)"
  comments_label             : "Laisser un commentaire"
fr-FR:
  <<: *DEFAULT_FR
nl:
  page                       : "Pagina"
  toc_label                  : "Op deze pagina"
`;

function buildWithLocale(locale: string): string {
  const source = tempSite({
    '_config.yml': `theme: scholarsite\ntitle: Site\nlocale: "${locale}"\nauthor:\n  name: Ada\ndefaults:\n  - scope: { path: "" }\n    values: { layout: single, author_profile: true, toc: true }\n`,
    '_data/ui-text.yml': ACADEMICPAGES_UI_TEXT,
    'index.md': '---\ntitle: Home\npermalink: /\n---\n## One\n\nText.\n',
  });
  const result = runCli(['build', '-s', source]);
  assert.equal(result.code, 0, result.stderr);
  return readFileSync(path.join(source, '_site/index.html'), 'utf8');
}

/** The theme's own words on every page: skip link, menu, dark mode, footer. */
function themeWords(html: string) {
  return {
    skip: /<a class="skip-link" href="#main">([^<]*)<\/a>/.exec(html)?.[1],
    toc: /<h2 id="toc-title" class="toc__title no_toc">([^<]*)<\/h2>/.exec(html)?.[1],
    footer: /<p>&copy; \d+ Ada\. ([^<]*) scholarsite\.<\/p>/.exec(html)?.[1],
  };
}

test("locale fr-FR with academicpages' ui-text.yml shows the theme's words in French, the site's own where it has them", () => {
  const words = themeWords(buildWithLocale('fr-FR'));
  assert.equal(words.skip, 'Aller au contenu');
  assert.equal(words.footer, 'Réalisé avec');
  assert.equal(words.toc, 'Sur cette page (site)', "the site's word wins over the theme's");
});

test('a locale the theme lacks shows English for each word the site does not give, never a blank', () => {
  const dutch = themeWords(buildWithLocale('nl'));
  assert.equal(dutch.skip, 'Skip to content');
  assert.equal(dutch.footer, 'Built with');
  assert.equal(dutch.toc, 'Op deze pagina');
  const unknown = themeWords(buildWithLocale('xx-YY'));
  assert.deepEqual(unknown, { skip: 'Skip to content', footer: 'Built with', toc: 'On This Page' });
  // A region the theme does not list takes its language's block.
  assert.equal(themeWords(buildWithLocale('de-LU')).skip, 'Zum Inhalt springen');
  assert.equal(themeWords(buildWithLocale('ja_JP')).skip, '本文へスキップ');
});

test("every locale block of the theme's ui-text.yml has every word, none blank, and academicpages' locales are there", () => {
  const text = readFileSync(path.join(BUILT_IN_THEME_ROOT, '_data/ui-text.yml'), 'utf8');
  const blocks = parse(text, { merge: true }) as Record<string, Record<string, string>>;
  const keys = Object.keys(blocks.en);
  for (const locale of [
    'en',
    'en-US',
    'en-GB',
    'en-UK',
    'en-CA',
    'en-AU',
    'es',
    'es-ES',
    'es-CO',
    'fr',
    'fr-FR',
    'fr-BE',
    'fr-CH',
    'tr',
    'tr-TR',
    'pt',
    'pt-BR',
    'pt-PT',
    'it',
    'it-IT',
    'zh',
    'zh-CN',
    'zh-HK',
    'zh-TW',
    'ja',
    'ja-JP',
    'ko',
    'ko-KR',
    'de',
    'de-DE',
  ]) {
    assert.ok(blocks[locale], `${locale} is in the theme`);
    assert.deepEqual(Object.keys(blocks[locale]).sort(), [...keys].sort(), `${locale} has every word`);
    for (const key of keys) assert.ok(String(blocks[locale][key]).trim(), `${locale}.${key} is not blank`);
  }
  assert.notEqual(blocks.fr.skip_link, blocks.en.skip_link, 'translated, not copied');
  assert.notEqual(blocks['zh-TW'].search, blocks.zh.search, 'Traditional Chinese has its own block');
});

test("every author link key academicpages offers is shown in the sidebar, and academicpages' footer links", () => {
  const keys: Record<string, string> = {
    uri: 'https://ada.example.org',
    email: 'ada@example.org',
    googlescholar: 'https://scholar.google.com/citations?user=X',
    orcid: 'https://orcid.org/0000-0000-0000-0001',
    researchgate: 'https://www.researchgate.net/profile/Ada',
    pubmed: 'https://pubmed.example/ada',
    impactstory: 'https://impactstory.org/ada',
    academia: 'https://example.academia.edu/Ada',
    arxiv: 'ada_e_1',
    semantic: '1234',
    scopus: '5678',
    inspire: 'ada',
    zotero: 'ada',
    kaggle: 'ada',
    bluesky: 'ada.bsky.social',
    mastodon: 'https://mastodon.social/@ada',
    bitbucket: 'ada',
    codepen: 'ada',
    dribbble: 'ada',
    flickr: 'ada',
    facebook: 'ada',
    foursquare: 'ada',
    github: 'ada',
    google_plus: 'ada',
    keybase: 'ada',
    instagram: 'ada',
    lastfm: 'ada',
    linkedin: 'ada',
    pinterest: 'ada',
    soundcloud: 'ada',
    stackoverflow: '123/ada',
    steam: 'ada',
    tumblr: 'ada',
    twitter: 'ada',
    vine: 'ada',
    weibo: 'ada',
    xing: 'Ada_Example',
    youtube: 'ada',
    wikipedia: 'Ada',
    zhihu: 'ada',
    telegram: 'ada',
    medium: 'ada',
    goodreads: 'user/show/1-ada',
    artstation: 'ada',
    ssrn: 'https://papers.ssrn.com/author=1',
  };
  const author = Object.entries(keys)
    .map(([key, value]) => `  ${key}: "${value}"`)
    .join('\n');
  const source = tempSite({
    '_config.yml': `theme: scholarsite\ntitle: Site\nauthor:\n  name: Ada\n${author}\nfooter:\n  links:\n    - label: "GitHub"\n      icon: "fab fa-fw fa-github"\n      url: "https://github.com/ada"\ndefaults:\n  - scope: { path: "" }\n    values: { layout: single, author_profile: true }\n`,
    'index.md': '---\ntitle: Home\npermalink: /\n---\nHi.\n',
  });
  const result = runCli(['build', '-s', source]);
  assert.equal(result.code, 0, result.stderr);
  const html = readFileSync(path.join(source, '_site/index.html'), 'utf8');
  const links = /<ul class="profile__links" aria-label="Profiles">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
  for (const [key, value] of Object.entries(keys)) {
    const shown = value.includes('://') ? value : key === 'email' ? `mailto:${value}` : value;
    if (key !== 'tumblr')
      assert.match(links, new RegExp(`href="[^"]*${shown.replace(/[.?+]/g, '\\$&')}"`), key);
  }
  assert.match(links, /href="https:\/\/ada.tumblr.com"/);
  assert.match(links, /href="https:\/\/www.xing.com\/profile\/Ada_Example"/);
  assert.match(
    html,
    /<ul class="site-footer__links">[\s\S]*<li><a href="https:\/\/github.com\/ada">GitHub<\/a><\/li>/,
  );
});
