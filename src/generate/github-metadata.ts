/**
 * jekyll-github-metadata 2.15 (`site.github`), offline: everything that comes from the
 * repository's name and the Pages environment variables, and the values the gem itself
 * falls back to when the GitHub API cannot be reached (null, false, empty).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/index.ts';
import type { Diagnostics } from '../errors.ts';
import { isHash } from '../ruby/values.ts';
import type { Site } from '../site/site.ts';
import type { Plugin } from './index.ts';
import { jekyllEnv } from './util.ts';

const env = (key: string, fallback?: string): string | undefined => {
  const value = process.env[key];
  return value ? value : fallback;
};
const trimSlash = (url: string) => (url.endsWith('/') ? url.slice(0, -1) : url);

/** `GitHubMetadata::Pages`: the Pages environment, from environment variables. */
const pages = {
  get env(): string {
    return env('PAGES_ENV', process.env.JEKYLL_ENV || 'development')!;
  },
  get test() {
    return this.env === 'test';
  },
  get dotcom() {
    return this.env === 'dotcom';
  },
  get enterprise() {
    return this.env === 'enterprise';
  },
  get development() {
    return this.env === 'development';
  },
  get ssl() {
    return env('SSL', 'false') === 'true' || this.test;
  },
  get scheme() {
    return this.ssl ? 'https' : 'http';
  },
  get subdomainIsolation() {
    return env('SUBDOMAIN_ISOLATION', 'false') === 'true';
  },
  get customDomainsEnabled() {
    return this.dotcom || this.test;
  },
  get githubHostname() {
    return trimSlash(env('PAGES_GITHUB_HOSTNAME', process.env.GITHUB_HOSTNAME || 'github.com')!);
  },
  get pagesHostname() {
    const intermediate = process.env.PAGES_HOSTNAME || (this.development ? 'localhost:4000' : undefined);
    return trimSlash(env('PAGES_PAGES_HOSTNAME', intermediate || 'github.io')!);
  },
  get apiUrl() {
    return trimSlash(env('PAGES_API_URL', process.env.API_URL || 'https://api.github.com')!);
  },
  get helpUrl() {
    return trimSlash(env('PAGES_HELP_URL', process.env.HELP_URL || 'https://help.github.com')!);
  },
  get githubUrl() {
    return this.dotcom || this.githubHostname === 'github.com'
      ? 'https://github.com'
      : `${this.scheme}://${this.githubHostname}`;
  },
  get pageBuild() {
    return Boolean(process.env.PAGE_BUILD_ID);
  },
};

/** `Repository` without the API. */
class Repository {
  readonly owner: string;
  readonly name: string;
  constructor(readonly nwo: string) {
    const parts = nwo.split('/');
    this.owner = parts[0];
    this.name = parts[parts.length - 1];
  }
  get isUserPage(): boolean {
    if (pages.enterprise)
      return this.name.toLowerCase() === `${this.owner.toLowerCase()}.${pages.githubHostname}`;
    return [this.defaultUserDomain, `${this.owner}.github.com`.toLowerCase()].includes(
      this.name.toLowerCase(),
    );
  }
  get defaultUserDomain(): string {
    if (!pages.enterprise && this.owner === 'github')
      return `${this.owner}.${pages.githubHostname}`.toLowerCase();
    if (pages.enterprise) return pages.pagesHostname.toLowerCase();
    return `${this.owner}.${pages.pagesHostname}`.toLowerCase();
  }
  get ownerUrl() {
    return `${pages.githubUrl}/${this.owner}`;
  }
  get repositoryUrl() {
    return `${this.ownerUrl}/${this.name}`;
  }
  get source(): { branch: string; path: string } {
    return { branch: this.isUserPage ? 'master' : 'gh-pages', path: '/' };
  }
  /** `RepositoryCompat#pages_url`, with no CNAME known. */
  get htmlUrl(): string {
    let url: string;
    if (!pages.customDomainsEnabled) {
      const p = this.isUserPage ? this.owner : this.nwo;
      url = pages.subdomainIsolation
        ? new URL(p, `${pages.scheme}://${pages.pagesHostname}/`).href
        : new URL(p, `${pages.githubUrl}/pages/`).href;
    } else {
      const domain = this.defaultUserDomain;
      const scheme = pages.enterprise
        ? pages.scheme
        : this.owner === 'github' && domain.endsWith('.github.com')
          ? 'https'
          : 'http';
      url = this.isUserPage ? `${scheme}://${domain}` : new URL(this.name, `${scheme}://${domain}`).href;
    }
    return url.endsWith('/') ? url.slice(0, -1) : url;
  }
  get baseurl(): string {
    return new URL(this.htmlUrl).pathname.replace(/^\/$/, '');
  }
  get urlWithoutPath(): string {
    const url = new URL(this.htmlUrl);
    return `${url.protocol}//${url.host}`;
  }
}

const OWNER_KEYS = [
  'avatar_url',
  'bio',
  'blog',
  'collaborators',
  'company',
  'created_at',
  'description',
  'email',
  'followers',
  'following',
  'has_organization_projects',
  'has_repository_projects',
  'hireable',
  'html_url',
  'id',
  'is_verified',
  'location',
  'login',
  'name',
  'node_id',
  'public_gists',
  'public_repos',
  'type',
  'updated_at',
];

/** `RepositoryFinder#nwo`: `PAGES_REPO_NWO`, `repository:` in the config, or the `origin` remote. */
function repositoryNwo(site: Site): string | undefined {
  if (process.env.PAGES_REPO_NWO) return process.env.PAGES_REPO_NWO;
  const repo = site.config.repository;
  if (typeof repo === 'string' && repo.includes('/')) return repo;
  const env = jekyllEnv();
  if (env !== 'development' && env !== 'test') return undefined;
  const url = originUrl(site.source);
  if (!url) return undefined;
  const host = pages.githubHostname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`${host}(:|/)([\\w-]+)/([\\w.-]+)`).exec(
    url.endsWith('.git') ? url.slice(0, -4) : url,
  );
  return m ? `${m[2]}/${m[3]}` : undefined;
}

/** The git folder of the repository holding `dir` (as `git` finds it, walking up). */
function gitDir(dir: string): string | undefined {
  let current = path.resolve(dir);
  for (;;) {
    const candidate = path.join(current, '.git');
    try {
      const stat = fs.statSync(candidate);
      if (stat.isDirectory()) return candidate;
      const m = /^gitdir:\s*(.+)$/m.exec(fs.readFileSync(candidate, 'utf8'));
      if (m) return path.resolve(current, m[1].trim());
    } catch {
      // not here: look further up
    }
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

function readGitConfig(dir: string): string | undefined {
  const git = gitDir(dir);
  if (!git) return undefined;
  for (const candidate of [path.join(git, 'config'), path.join(git, 'commondir')]) {
    try {
      if (candidate.endsWith('commondir')) {
        return fs.readFileSync(
          path.join(path.resolve(git, fs.readFileSync(candidate, 'utf8').trim()), 'config'),
          'utf8',
        );
      }
      const text = fs.readFileSync(candidate, 'utf8');
      if (/\[remote /.test(text)) return text;
    } catch {
      // try the next
    }
  }
  return undefined;
}

/** The fetch url of the `origin` remote, from `.git/config`. */
export function originUrl(dir: string): string | undefined {
  const text = readGitConfig(dir);
  if (!text) return undefined;
  let inOrigin = false;
  for (const line of text.split(/\r?\n/)) {
    const section = /^\s*\[\s*([^\]\s]+)(?:\s+"([^"]*)")?\s*\]/.exec(line);
    if (section) {
      inOrigin = section[1].toLowerCase() === 'remote' && section[2] === 'origin';
      continue;
    }
    const m = inOrigin && /^\s*url\s*=\s*(.*?)\s*$/i.exec(line);
    if (m) return m[1].replace(/^"(.*)"$/, '$1');
  }
  return undefined;
}

/** `git rev-parse HEAD`, read from the git folder. */
function headRevision(dir: string): string | undefined {
  const git = gitDir(dir);
  if (!git) return undefined;
  try {
    const head = fs.readFileSync(path.join(git, 'HEAD'), 'utf8').trim();
    const ref = /^ref:\s*(.+)$/.exec(head)?.[1];
    if (!ref) return /^[0-9a-f]{40}$/.test(head) ? head : undefined;
    let common = git;
    try {
      common = path.resolve(git, fs.readFileSync(path.join(git, 'commondir'), 'utf8').trim());
    } catch {
      // not a worktree
    }
    for (const base of [git, common]) {
      try {
        return fs.readFileSync(path.join(base, ref), 'utf8').trim();
      } catch {
        // maybe packed
      }
    }
    const packed = fs.readFileSync(path.join(common, 'packed-refs'), 'utf8');
    for (const line of packed.split('\n')) {
      const [sha, name] = line.split(' ');
      if (name === ref) return sha;
    }
  } catch {
    // no revision
  }
  return undefined;
}

/** `site.github`: the gem's `MetadataDrop`, offline, merged with `github:` from the config. */
export function githubMetadata(
  site: Site,
  configGithub: unknown = site.config.github,
): Record<string, unknown> {
  const nwo = repositoryNwo(site);
  const repo = nwo ? new Repository(nwo) : undefined;
  const r = <T>(get: (repo: Repository) => T): T | null => (repo ? get(repo) : null);
  const drop: Record<string, unknown> = {
    api_url: pages.apiUrl,
    archived: null,
    baseurl: r((x) => x.baseurl),
    build_revision: process.env.JEKYLL_BUILD_REVISION || headRevision(site.source) || '',
    clone_url: r((x) => `${x.repositoryUrl}.git`),
    contributors: false,
    disabled: null,
    environment: pages.env,
    help_url: pages.helpUrl,
    hostname: pages.githubHostname,
    is_project_page: r((x) => !x.isUserPage),
    is_user_page: r((x) => x.isUserPage),
    issues_url: null,
    language: null,
    latest_release: false,
    license: null,
    organization_members: null,
    owner: Object.fromEntries(OWNER_KEYS.map((key) => [key, null])),
    owner_display_name: null,
    owner_gravatar_url: r((x) => `${x.ownerUrl}.png`),
    owner_name: r((x) => x.owner),
    owner_url: r((x) => x.ownerUrl),
    pages_env: pages.env,
    pages_hostname: pages.pagesHostname,
    private: null,
    project_tagline: null,
    project_title: r((x) => x.name),
    public_repositories: [],
    releases: false,
    releases_url: r((x) => `${x.repositoryUrl}/releases`),
    repository_name: r((x) => x.name),
    repository_nwo: nwo ?? null,
    repository_url: r((x) => x.repositoryUrl),
    show_downloads: null,
    source: r((x) => x.source),
    tar_url: r((x) => `${x.repositoryUrl}/tarball/${x.source.branch}`),
    url: r((x) => x.htmlUrl),
    versions: {},
    wiki_url: null,
    zip_url: r((x) => `${x.repositoryUrl}/zipball/${x.source.branch}`),
  };
  if (configGithub == null) return drop;
  if (isHash(configGithub)) return deepMerge(drop, configGithub);
  return configGithub as Record<string, unknown>;
}

function deepMerge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out = { ...a };
  for (const [key, value] of Object.entries(b)) {
    out[key] =
      isHash(out[key]) && isHash(value) ? deepMerge(out[key] as Record<string, unknown>, value) : value;
  }
  return out;
}

/**
 * The gem's `SiteGitHubMunger`: `title` (and `url`/`baseurl` in production) fall back to the
 * repository's, then `site.github` is set for templates.
 */
function mungeConfig(site: Site, diagnostics: Diagnostics): void {
  const config: Config = site.config;
  const nwo = repositoryNwo(site);
  const repo = nwo ? new Repository(nwo) : undefined;
  if (config.name && !config.title) {
    diagnostics.warn({
      message:
        "site.name is set in _config.yml, but many plugins and themes expect site.title to be used instead. To avoid potential inconsistency, Jekyll GitHub Metadata will not set site.title to the repository's name.",
      file: '_config.yml',
      hint: 'Set `title:` in _config.yml.',
    });
  } else if ((config.title == null || config.title === false) && repo) {
    // The owner's display name needs the API; offline the gem falls back to the login.
    config.title = repo.isUserPage ? repo.owner : repo.name;
  }
  if (repo && (jekyllEnv() === 'production' || pages.pageBuild)) {
    if (config.url == null || config.url === false) config.url = repo.urlWithoutPath;
    if (config.baseurl == null || config.baseurl === '/') config.baseurl = repo.baseurl;
  }
}

export const githubMetadataGenerator: Plugin = {
  name: 'jekyll-github-metadata',
  priority: 'highest',
  generate(site: Site, diagnostics: Diagnostics): void {
    if (!repositoryNwo(site)) {
      diagnostics.warn({
        message: 'No repo name found for site.github',
        file: '_config.yml',
        hint: "Set `repository: owner/name` in _config.yml, or add an 'origin' git remote pointing to your github.com repository.",
      });
    }
    mungeConfig(site, diagnostics);
    // The site drop is made from the config: this is how `site.github` reaches templates.
    site.config.github = githubMetadata(site);
  },
};
