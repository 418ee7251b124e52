/**
 * Themes from GitHub, fetched as jekyll-remote-theme fetches them: `remote_theme: owner/repo@ref`,
 * and the themes GitHub Pages supports by name (`theme: jekyll-theme-minimal`, `minima`, its
 * default `jekyll-theme-primer`), which are gems there and come from their GitHub repositories
 * here. The codeload zip of the ref is unpacked into a cache shared by every site, once (a
 * moving ref, such as HEAD, once a day); a busy GitHub or a dropped connection is tried again.
 *
 * SCHOLARSITE_THEME_URL replaces https://codeload.github.com (tests point it at a stand-in);
 * SCHOLARSITE_THEME_CACHE replaces ~/.cache/scholarsite/themes.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../config/index.ts';
import { type Diagnostics, type ProblemInit, SiteError } from '../errors.ts';
import { fetchWithRetries } from '../fetch-with-retries.ts';
import { keyLine } from '../yaml/key-line.ts';
import { unzip } from './unzip.ts';

/** A theme to fetch: the repository and ref, and the name the site gave it. */
export interface ThemeDownload {
  /** As the site wrote it: `jekyll-theme-minimal`, `mmistakes/minimal-mistakes@4.24.0`. */
  label: string;
  owner: string;
  repo: string;
  ref: string;
  /** Set by `remote_theme:` (jekyll-remote-theme), not `theme:`. */
  remote: boolean;
}

/** GitHub Pages' supported themes and where their sources are (pages-gem's plugins.rb). */
const SUPPORTED_THEMES: Record<string, string> = {
  minima: 'jekyll/minima@v2.5.1',
  'jekyll-swiss': 'broccolini/swiss',
  'jekyll-theme-primer': 'pages-themes/primer@v0.6.0',
  'jekyll-theme-architect': 'pages-themes/architect@v0.2.0',
  'jekyll-theme-cayman': 'pages-themes/cayman@v0.2.0',
  'jekyll-theme-dinky': 'pages-themes/dinky@v0.2.0',
  'jekyll-theme-hacker': 'pages-themes/hacker@v0.2.0',
  'jekyll-theme-leap-day': 'pages-themes/leap-day@v0.2.0',
  'jekyll-theme-merlot': 'pages-themes/merlot@v0.2.0',
  'jekyll-theme-midnight': 'pages-themes/midnight@v0.2.0',
  'jekyll-theme-minimal': 'pages-themes/minimal@v0.2.0',
  'jekyll-theme-modernist': 'pages-themes/modernist@v0.2.0',
  'jekyll-theme-slate': 'pages-themes/slate@v0.2.0',
  'jekyll-theme-tactile': 'pages-themes/tactile@v0.2.0',
  'jekyll-theme-time-machine': 'pages-themes/time-machine@v0.2.0',
};

/** GitHub Pages' default theme: a site that cannot have it is built without it, with a warning. */
const DEFAULT_THEME = 'jekyll-theme-primer';

/** jekyll-remote-theme's `THEME_REGEX`, with the `https://github.com/` form. */
const REMOTE_THEME = /^(?:https?:\/\/github\.com\/)?([a-z0-9-]+)\/([a-z0-9._-]+?)(?:@([a-z0-9._-]+))?\/?$/i;

/** The theme the config asks for that comes from GitHub, if any. */
export function themeDownload(config: Config): ThemeDownload | undefined {
  const remote = config.remote_theme;
  if (typeof remote === 'string' && listsRemoteTheme(config)) {
    const label = remote.trim().toLowerCase();
    const m = REMOTE_THEME.exec(label);
    return m ? { label, owner: m[1], repo: m[2], ref: m[3] ?? 'HEAD', remote: true } : undefined;
  }
  const name = typeof config.theme === 'string' ? config.theme.trim() : undefined;
  const source = name && SUPPORTED_THEMES[name];
  if (!name || !source) return undefined;
  const [nwo, ref] = source.split('@');
  const [owner, repo] = nwo.split('/');
  return { label: name, owner, repo, ref: ref ?? 'HEAD', remote: false };
}

/** `remote_theme:` that jekyll-remote-theme would refuse, for the warning. */
export function invalidRemoteTheme(config: Config): string | undefined {
  const remote = config.remote_theme;
  if (remote == null || !listsRemoteTheme(config)) return undefined;
  return typeof remote === 'string' && REMOTE_THEME.test(remote.trim()) ? undefined : JSON.stringify(remote);
}

/** `remote_theme:` is read only when jekyll-remote-theme is among the plugins. */
function listsRemoteTheme(config: Config): boolean {
  return Array.isArray(config.plugins) && config.plugins.map(String).includes('jekyll-remote-theme');
}

export function themeCacheRoot(): string {
  const own = process.env.SCHOLARSITE_THEME_CACHE;
  if (own) return path.resolve(own);
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'scholarsite', 'themes');
}

/** Where a fetched theme is kept: `CACHE/owner/repo@ref`. */
export function themeFolder(download: ThemeDownload): string {
  const safe = (text: string) => text.replace(/[^a-zA-Z0-9._-]/g, '_');
  return path.join(themeCacheRoot(), safe(download.owner), `${safe(download.repo)}@${safe(download.ref)}`);
}

/** The codeload address of the theme's zip (`Downloader#zip_url`). */
function themeZipUrl(download: ThemeDownload): string {
  const base = (process.env.SCHOLARSITE_THEME_URL || 'https://codeload.github.com').replace(/\/+$/, '');
  return `${base}/${download.owner}/${download.repo}/zip/${download.ref}`;
}

/** Refs that move (`remote_theme: owner/repo` means HEAD): their copy is fetched again after a day. */
const MOVING_REFS = new Set(['HEAD', 'main', 'master']);
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Fetch the theme the config names unless the cache has it (a copy of a moving ref, such as
 * HEAD, is renewed once a day, as GitHub Pages always takes the newest). True when it was
 * fetched now (the config is then read again, with the theme). A theme that cannot be fetched
 * fails the build, saying what to do; GitHub Pages' default theme only warns; a copy already
 * kept is used as it is.
 */
export async function fetchTheme(config: Config, diagnostics: Diagnostics): Promise<boolean> {
  const download = themeDownload(config);
  if (!download) return false;
  const folder = themeFolder(download);
  const kept = existsSync(folder);
  if (kept && !(MOVING_REFS.has(download.ref) && Date.now() - statSync(folder).mtimeMs > DAY_MS))
    return false;
  const url = themeZipUrl(download);
  try {
    const answer = await fetchWithRetries(
      url,
      { headers: { 'User-Agent': 'scholarsite (jekyll-remote-theme compatible)' } },
      async (response) => Buffer.from(await response.arrayBuffer()),
      { timeoutMs: 60_000 },
    );
    if (answer.status === 404) throw new Error('there is no such repository or ref (404)');
    if (answer.status >= 400) throw new Error(`the server answered ${answer.status} ${answer.statusText}`);
    const zip = answer.body;
    mkdirSync(path.dirname(folder), { recursive: true });
    // Unpacked beside its place, then moved there whole: a build stopped halfway leaves no half
    // theme, and one that fetched the same theme meanwhile keeps its copy.
    const staging = mkdtempSync(`${folder}.partial-`);
    try {
      if (unzip(zip, staging) === 0) throw new Error('the archive holds no files');
      if (kept) rmSync(folder, { recursive: true, force: true });
      if (!existsSync(folder)) renameSync(staging, folder);
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
    return true;
  } catch (error) {
    if (kept) return false;
    const problem = fetchProblem(download, url, folder, error, String(config.source));
    if (download.label === DEFAULT_THEME && !download.remote) {
      diagnostics.warn({ ...problem, message: `${problem.message}; the site is built without it` });
      return false;
    }
    throw new SiteError(problem);
  }
}

/** Why a fetch failed, in words. */
const REASONS: Record<string, string> = {
  ENOTFOUND: 'the name could not be looked up (no internet connection?)',
  EAI_AGAIN: 'the name could not be looked up (no internet connection?)',
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was cut',
  TimeoutError: 'no answer within 60 seconds',
};

function fetchProblem(
  download: ThemeDownload,
  url: string,
  folder: string,
  error: unknown,
  source: string,
): ProblemInit {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? (error as { name?: string }).name;
  const reason = REASONS[code ?? ''] ?? cause?.message ?? (error as Error).message;
  const key = download.remote ? 'remote_theme' : 'theme';
  return {
    message: `could not fetch the theme '${download.label}' from ${url}: ${reason}`,
    file: '_config.yml',
    line: configLine(source, key),
    hint: `Build once with an internet connection: the theme is then kept in ${folder} for every later build. Or copy the theme's _layouts, _includes, _sass and assets into the site and remove the \`${key}:\` line.`,
  };
}

/** The line of `_config.yml` that sets `key`, when it is there. */
function configLine(source: string, key: string): number | undefined {
  try {
    return keyLine(readFileSync(path.join(source, '_config.yml'), 'utf8'), key);
  } catch {
    return undefined;
  }
}
