/**
 * The two builds being compared, each in one function, so that a build mode (plain Jekyll 4.3,
 * or GitHub Pages' configuration and plugins) switches both sides at once.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type CompatMode, jekyllEnv, scholarsiteFlags } from './github-pages.ts';

export type Mode = CompatMode;
/** `auto`: each site in the mode its repository says (its Gemfile, its workflows), as scholarsite decides. */
export type RequestedMode = Mode | 'auto';
export const MODES: readonly RequestedMode[] = ['auto', 'plain', 'github-pages'];

const HERE = import.meta.dirname;
const BIN = path.resolve(HERE, '../../bin/scholarsite.js');
/** The Ruby plugin that applies the github-pages gem's configuration and plugins to Jekyll. */
const GITHUB_PAGES_PLUGIN = path.join(HERE, 'github-pages.rb');

/** Says why a mode cannot run here, or undefined when it can. */
export function modeUnavailable(mode: RequestedMode): string | undefined {
  if (mode !== 'plain' && !existsSync(GITHUB_PAGES_PLUGIN))
    return `--mode ${mode} needs ${GITHUB_PAGES_PLUGIN}, which is missing.`;
  return undefined;
}

/**
 * GitHub Pages builds with JEKYLL_ENV=production (the pages gem's production defaults, the
 * Pages build action); academicpages' analytics and the `compress` layout depend on it, so both
 * sides get it unless the user set another. Ruby reads sources as UTF-8 only in a UTF-8 locale.
 */
export const BUILD_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  JEKYLL_ENV: process.env.JEKYLL_ENV ?? 'production',
  LANG: process.env.LANG?.includes('UTF-8') ? process.env.LANG : 'C.UTF-8',
};

export interface BuildResult {
  ok: boolean;
  /** stdout and stderr, in order of arrival. */
  output: string;
  seconds: number;
  /** When the build started (ms since the epoch): build-time stamps near it are masked. */
  startedAt: number;
}

const TEN_MINUTES = 10 * 60 * 1000;

function run(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = BUILD_ENV,
): Promise<BuildResult> {
  const startedAt = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => {
      if (output.length < 200_000) output += chunk.toString('utf8');
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => {
      output += '\n(killed after 10 minutes)';
      child.kill('SIGKILL');
    }, TEN_MINUTES);
    const done = (ok: boolean) => {
      clearTimeout(timer);
      resolve({ ok, output, seconds: (Date.now() - startedAt) / 1000, startedAt });
    };
    child.on('error', (error) => {
      output += String(error);
      done(false);
    });
    child.on('close', (code) => done(code === 0));
  });
}

/**
 * GitHub Pages knows which repository it builds (jekyll-github-metadata's `PAGES_REPO_NWO`); a
 * copy of it does not, and in GitHub Pages mode the plugin stops the build without one. Both
 * sides get the repository's name when it is known.
 */
function repositoryEnv(repo: string | undefined): NodeJS.ProcessEnv {
  return repo ? { PAGES_REPO_NWO: repo } : {};
}

/** Debian's `jekyll build` of `source` into `destination`. */
export function buildWithJekyll(
  source: string,
  destination: string,
  mode: Mode,
  repo?: string,
): Promise<BuildResult> {
  return run('jekyll', ['build', '-s', source, '-d', destination], path.dirname(source), {
    ...jekyllEnv(mode),
    JEKYLL_ENV: BUILD_ENV.JEKYLL_ENV,
    LANG: BUILD_ENV.LANG,
    ...repositoryEnv(repo),
  });
}

/** scholarsite's build, from this worktree's bin/; `again` builds a second time from the first's cache. */
export async function buildWithScholarsite(
  source: string,
  destination: string,
  mode: Mode,
  again = false,
  repo?: string,
): Promise<BuildResult & { first?: BuildResult }> {
  const args = [BIN, 'build', '-s', source, '-d', destination, ...scholarsiteFlags(mode)];
  const env = { ...BUILD_ENV, ...repositoryEnv(repo) };
  const first = await run(process.execPath, args, path.dirname(source), env);
  if (!again || !first.ok) return first;
  return { ...(await run(process.execPath, args, path.dirname(source), env)), first };
}

export const CACHE_ROOT = path.join(os.homedir(), '.cache', 'scholarsite-compat');

export interface CachedJekyll extends BuildResult {
  /** Jekyll's output folder (present when ok). */
  site: string;
  cached: boolean;
}

/**
 * Jekyll's build of one repo at one commit in one mode, kept under ~/.cache/scholarsite-compat
 * so that a second run of the corpus only builds scholarsite. `prepare` makes the source to
 * build; it is called only when nothing is cached.
 */
export async function cachedJekyllBuild(
  key: { repo: string; commit: string; mode: Mode },
  prepare: () => string,
  cacheRoot = CACHE_ROOT,
): Promise<CachedJekyll> {
  // copy-site.ts decides what Jekyll builds, and github-pages.rb how in GitHub Pages mode: a
  // change to either is a new build.
  const preparation = createHash('sha256')
    .update(readFileSync(path.join(HERE, 'copy-site.ts')))
    .update(key.mode === 'github-pages' ? readFileSync(GITHUB_PAGES_PLUGIN) : '')
    .digest('hex')
    .slice(0, 8);
  // `r`: built knowing its repository's name (PAGES_REPO_NWO).
  const folder = path.join(
    cacheRoot,
    key.repo.replace('/', '+'),
    `${key.commit}-${key.mode}-r-${preparation}`,
  );
  const meta = path.join(folder, 'result.json');
  const site = path.join(folder, 'site');
  if (existsSync(meta)) {
    const saved = JSON.parse(readFileSync(meta, 'utf8')) as BuildResult;
    return { ...saved, site, cached: true };
  }
  const building = `${folder}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  const result = await buildWithJekyll(prepare(), path.join(building, 'site'), key.mode, key.repo);
  writeFileSync(
    path.join(building, 'result.json'),
    JSON.stringify({ ...result, output: result.output.slice(0, 20_000) }),
  );
  rmSync(folder, { recursive: true, force: true });
  renameSync(building, folder);
  return { ...result, site, cached: false };
}
