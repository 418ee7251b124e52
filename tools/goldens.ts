/**
 * `npm run goldens [-- NAME…]`: build every fixture site in test/fixtures/sites/ with real Jekyll
 * (Debian's 4.3.1 with the GitHub Pages plugins) and save its output as the fixture's golden, so
 * the tests compare with Jekyll without Ruby. Run it after changing a fixture; commit the result.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const SITES = path.resolve(import.meta.dirname, '../test/fixtures/sites');
export const MANIFEST = path.join(SITES, 'goldens.json');

/**
 * Each golden: the fixture it builds and the flags it builds with. `githubPages`: built as GitHub
 * Pages builds it (Jekyll with tools/compat/github-pages.rb; scholarsite with --github-pages).
 * `theme`: the fixture's stand-in for the theme it names, a folder under test/fixtures/themes,
 * and the repository it stands for (Jekyll reads the folder; scholarsite's tests fetch it from a
 * stand-in for GitHub).
 */
export interface Variant {
  site: string;
  flags: string[];
  githubPages?: boolean;
  theme?: { folder: string; repository: string };
}

export const THEMES = path.resolve(import.meta.dirname, '../test/fixtures/themes');
const GITHUB_PAGES_RB = path.resolve(import.meta.dirname, 'compat/github-pages.rb');

export const VARIANTS: Record<string, Variant> = {
  basics: { site: 'basics', flags: [] },
  posts: { site: 'posts', flags: [] },
  'posts-all': { site: 'posts', flags: ['--drafts', '--future', '--unpublished'] },
  collections: { site: 'collections', flags: [] },
  data: { site: 'data', flags: [] },
  liquid: { site: 'liquid', flags: [] },
  plugins: { site: 'plugins', flags: [] },
  permalinks: { site: 'permalinks', flags: [] },
  dates: { site: 'dates', flags: [] },
  filters: { site: 'filters', flags: [] },
  'github-pages': { site: 'github-pages', flags: [], githubPages: true },
  'theme-minimal': {
    site: 'theme-minimal',
    flags: [],
    githubPages: true,
    theme: { folder: 'minimal', repository: 'pages-themes/minimal@v0.2.0' },
  },
  'remote-theme': {
    site: 'remote-theme',
    flags: [],
    githubPages: true,
    theme: { folder: 'academic', repository: 'octo-org/academic-theme@v1.0' },
  },
};

export function goldenDir(variant: string): string {
  return path.join(SITES, `${variant}.golden`);
}

/** When each golden was generated: its pages print that time where a date is missing. */
export function goldenTimes(): Record<string, string> {
  return existsSync(MANIFEST) ? (JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, string>) : {};
}

function generate(variant: string): void {
  const { site, flags, githubPages, theme } = VARIANTS[variant];
  const work = mkdtempSync(path.join(os.tmpdir(), 'scholarsite-golden-'));
  const source = path.join(work, site);
  cpSync(path.join(SITES, site), source, { recursive: true });
  const out = path.join(work, 'out');
  const started = new Date();
  const result = spawnSync('jekyll', ['build', '-s', source, '-d', out, ...flags], {
    encoding: 'utf8',
    env: {
      ...process.env,
      TZ: 'UTC',
      JEKYLL_ENV: 'development',
      // Debian's Jekyll, not through bundler (a fixture's Gemfile says how GitHub Pages builds it).
      JEKYLL_NO_BUNDLER_REQUIRE: 'true',
      ...(githubPages ? { RUBYOPT: `-r${GITHUB_PAGES_RB}` } : {}),
      ...(theme ? { GITHUB_PAGES_THEME_DIR: path.join(THEMES, theme.folder) } : {}),
    },
  });
  if (result.status !== 0) throw new Error(`jekyll failed on ${variant}:\n${result.stdout}${result.stderr}`);
  rmSync(goldenDir(variant), { recursive: true, force: true });
  renameSync(out, goldenDir(variant));
  rmSync(work, { recursive: true, force: true });
  const times = goldenTimes();
  times[variant] = started.toISOString();
  writeFileSync(MANIFEST, `${JSON.stringify(times, null, 2)}\n`);
  console.log(`${variant}: ${readdirSync(goldenDir(variant), { recursive: true }).length} entries`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (spawnSync('jekyll', ['--version']).status !== 0) {
    console.error('jekyll is not installed: apt-get install jekyll ruby-jekyll-feed ruby-jekyll-sitemap …');
    process.exitCode = 2;
  } else {
    const wanted = process.argv.slice(2);
    for (const variant of wanted.length ? wanted : Object.keys(VARIANTS)) generate(variant);
  }
}
