/**
 * `scholarsite migrate SRC DEST`: an academicpages (or any Jekyll) site moved onto the built-in
 * theme. Content, data, images and settings are copied; the old theme's layouts, includes,
 * styles and scripts are left behind, but for those the content still uses (carry-over.ts);
 * `theme: scholarsite` goes into `_config.yml`. Everything done is reported, printed and in
 * `_migration-report.md` in the new site (a file Jekyll and scholarsite never publish).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Config, loadConfig } from '../config/index.ts';
import { BUILT_IN_THEME_NAME } from '../config/theme.ts';
import { SiteError } from '../errors.ts';
import { readFrontMatter } from '../read/front-matter.ts';
import { type CarryStep, carryOver, type Reference } from './carry-over.ts';

export type { Reference } from './carry-over.ts';

import { checkEmptyDestination, copyTree } from './copy-tree.ts';
import { vendorScholarsite, WORKFLOW_PATH, writeDeployWorkflow } from './deploy-workflow.ts';
import { keepGitHubPagesSettings } from './github-pages-settings.ts';
import { unwrapHeadingTitles } from './heading-titles.ts';
import { closeOpenComments } from './open-comments.ts';
import { carryProfileLinks, EXTRA_LINKS_FILE } from './profile-links.ts';
import { moveUrlFolderToBaseurl } from './site-address.ts';

/** What a build, Ruby or a theme's JavaScript build leaves behind, besides the theme folders. */
const LEFT_BEHIND = [
  '.git',
  '_site',
  '.jekyll-cache',
  '.jekyll-metadata',
  '.sass-cache',
  '.bundle',
  'vendor',
  'node_modules',
  'Gemfile',
  'Gemfile.lock',
  'package.json',
  'package-lock.json',
  'assets/css',
  'assets/js',
  'assets/fonts',
  'assets/webfonts',
];

export interface MigrateResult {
  copied: string[];
  leftBehind: string[];
  workflow: boolean;
  /** The packed scholarsite the workflow installs, or why there is none. */
  vendored: { file?: string; problem?: string };
  /** Includes and layouts the content names that neither the old site nor the theme has. */
  missing: Reference[];
  /** What was kept, mapped, shimmed or dropped of the old theme, and why. */
  steps: CarryStep[];
  /** The report written into the new site. */
  report: string;
  /** Settings to fix by hand, each with what to write. */
  advice: string[];
}

export function migrate(src: string, dest: string, version: string, { vendor = true } = {}): MigrateResult {
  const source = path.resolve(src);
  const target = path.resolve(dest);
  if (!['_config.yml', '_config.yaml'].some((name) => existsSync(path.join(source, name)))) {
    throw new SiteError({
      message: 'this folder has no _config.yml, so it is not a Jekyll site',
      file: source,
      hint: 'Give the folder of your academicpages repository (the one with _config.yml).',
    });
  }
  if (target === source || target.startsWith(source + path.sep) || source.startsWith(target + path.sep)) {
    throw new SiteError({
      message: 'the new site cannot be inside the old one, or the old one inside the new',
      file: target,
      hint: 'Choose a folder beside the old site, e.g. ../my-site-new.',
    });
  }
  checkEmptyDestination(target);
  const { config } = loadConfig({ source });
  const themeFolders = [
    String(config.layouts_dir ?? '_layouts'),
    String(config.includes_dir ?? '_includes'),
    String((config.sass as Config | undefined)?.sass_dir ?? '_sass'),
  ];
  const leave = new Set([...LEFT_BEHIND, ...themeFolders]);
  const leftBehind: string[] = [];
  const copied = copyTree(source, target, (relative) => {
    if (!leave.has(relative)) return false;
    if (existsSync(path.join(source, relative))) leftBehind.push(relative);
    return true;
  });
  for (const name of ['_config.yml', '_config.yaml']) {
    const file = path.join(target, name);
    if (existsSync(file)) writeFileSync(file, useBuiltInTheme(readFileSync(file, 'utf8')));
  }
  const carried = carryOver(source, target, copied, config);
  copied.push(...carried.written);
  const address = moveUrlFolderToBaseurl(target, copied, config);
  const githubPages = keepGitHubPagesSettings(source, target, config);
  const profileLinks = carryProfileLinks(source, target, config);
  const comments = closeOpenComments(target, copied);
  const titles = unwrapHeadingTitles(target, copied);
  // Its steps may only have rewritten _config.yml (an address spelled out): count the file when it was written.
  if (!copied.includes(EXTRA_LINKS_FILE) && existsSync(path.join(target, EXTRA_LINKS_FILE)))
    copied.push(EXTRA_LINKS_FILE);
  const workflow = writeDeployWorkflow(target, version);
  if (workflow) copied.push(WORKFLOW_PATH);
  const vendored = vendor ? vendorScholarsite(target) : {};
  if (vendored.file) copied.push(vendored.file);
  const steps = [
    ...leftBehindSteps(leftBehind),
    ...address,
    ...githubPages,
    ...carried.steps,
    ...profileLinks,
    ...comments,
    ...titles,
    ...settingSteps(config),
  ];
  const result = {
    copied,
    leftBehind,
    workflow,
    vendored,
    missing: carried.missing,
    steps,
    advice: [...adviceOn(config), ...missingFiles(target, copied)],
    report: REPORT_FILE,
  };
  writeFileSync(path.join(target, REPORT_FILE), migrationReport(source, result));
  return result;
}

/** Underscored: Jekyll and scholarsite never publish it. */
export const REPORT_FILE = '_migration-report.md';

function leftBehindSteps(leftBehind: string[]): CarryStep[] {
  return leftBehind.map((what) => ({
    action: 'dropped',
    what,
    why: /^(_layouts|_includes|_sass|assets\/)/.test(what)
      ? "the old theme's: the built-in theme replaces it (what the content uses of it is kept below)"
      : 'what Ruby, bundler or a build leaves: scholarsite needs none of it',
  }));
}

/** The comments and analytics services the theme loads, by academicpages' `provider:` names. */
const PROVIDERS: Record<'comments' | 'analytics', string[]> = {
  comments: ['disqus', 'discourse', 'facebook', 'staticman', 'utterances', 'giscus', 'custom'],
  analytics: ['google', 'google-universal', 'google-analytics-4', 'google-gtag', 'custom'],
};

function providerOf(config: Config, key: string): string | undefined {
  const value = (config[key] as Config | undefined)?.provider;
  return typeof value === 'string' && value !== '' && value !== 'false' ? value : undefined;
}

/** academicpages settings the theme reads, said plainly so the owner knows they still work. */
function settingSteps(config: Config): CarryStep[] {
  const steps: CarryStep[] = [];
  for (const [key, known] of Object.entries(PROVIDERS)) {
    const provider = providerOf(config, key);
    if (!provider) continue;
    steps.push(
      known.includes(provider)
        ? {
            action: 'kept',
            what: `${key} (${provider})`,
            why:
              key === 'comments'
                ? 'the theme shows them on pages with `comments: true`, in production builds'
                : 'the theme loads them in production builds',
          }
        : {
            action: 'dropped',
            what: `${key} (${provider})`,
            why: `the theme has no ${provider} ${key} (it has ${known.join(', ')})`,
          },
    );
  }
  return steps;
}

function migrationReport(source: string, result: Omit<MigrateResult, 'report'>): string {
  const lines = [
    '# What `scholarsite migrate` did',
    '',
    `From ${source}. This file is not published; delete it when you have read it.`,
    '',
    `- ${result.copied.length} files copied (content, data, images, files, settings).`,
    '- `_config.yml` says `theme: scholarsite` (an old `theme:` or `remote_theme:` is commented out).',
  ];
  if (result.workflow) lines.push(`- ${WORKFLOW_PATH} publishes the site on GitHub Pages.`);
  for (const action of ['kept', 'mapped', 'shimmed', 'dropped'] as const) {
    const steps = result.steps.filter((step) => step.action === action);
    if (steps.length === 0) continue;
    lines.push('', `## ${action[0].toUpperCase()}${action.slice(1)}`, '');
    for (const step of steps) lines.push(`- \`${step.what}\`: ${step.why}`);
  }
  if (result.advice.length) {
    lines.push('', '## To do by hand', '');
    for (const advice of result.advice) lines.push(`- ${advice.replace(/\n\s*/g, ' ')}`);
  }
  return `${lines.join('\n')}\n`;
}

/** What the theme cannot do for the site, with what to write instead. */
function adviceOn(config: Config): string[] {
  const advice: string[] = [];
  for (const [key, known] of Object.entries(PROVIDERS)) {
    const provider = providerOf(config, key);
    if (provider && !known.includes(provider))
      advice.push(
        `_config.yml: \`${key}: { provider: ${provider} }\`: the theme has no ${provider} ${key}, so none are shown.` +
          `\n  Hint: set \`provider:\` to one of ${known.join(', ')}; for another service, write its HTML in _includes/${key === 'comments' ? 'comments-providers/custom.html' : 'analytics-custom.html'} and set \`provider: custom\`.`,
      );
  }
  return advice;
}

/** The front matter keys academicpages' publications and talks link files with. */
const FILE_LINKS = ['paperurl', 'slidesurl', 'posterurl', 'bibtexurl'];

/**
 * Files a publication or talk links that the site does not have: the theme shows no button for
 * them (academicpages' lists showed none either), so the owner hears of them here.
 */
function missingFiles(target: string, copied: string[]): string[] {
  const missing: string[] = [];
  for (const file of copied) {
    if (!/^_[^/]+\/.+\.(md|markdown|html)$/.test(file) || file.startsWith('_data/')) continue;
    let data: Config;
    try {
      data = readFrontMatter(readFileSync(path.join(target, file), 'utf8'), file).data as Config;
    } catch {
      continue; // bad front matter is the build's to report
    }
    for (const key of FILE_LINKS) {
      const url = data[key];
      if (typeof url !== 'string' || /:|^\/\//.test(url)) continue;
      const written = url.split(/[?#]/)[0];
      if (!/\.\w+$/.test(written)) continue;
      let relative: string;
      try {
        relative = decodeURI(written).replace(/^\/+/, '');
      } catch {
        relative = written.replace(/^\/+/, ''); // a stray % is a file name like any other
      }
      if (!existsSync(path.join(target, relative)))
        missing.push(
          `${file}: \`${key}: ${url}\` names a file the site does not have, so the page shows no link to it.\n  Hint: add ${relative}, or remove the line.`,
        );
    }
  }
  return missing;
}

/** `theme: scholarsite` in place of any `theme:`/`remote_theme:`, keeping the rest of the file as written. */
export function useBuiltInTheme(text: string): string {
  const lines = text.split('\n');
  const kept = lines.map((line) =>
    /^(theme|remote_theme)\s*:/.test(line) ? `# ${line}   (replaced by the built-in theme)` : line,
  );
  const header = `# The built-in theme of scholarsite (added by \`scholarsite migrate\`).\ntheme: ${BUILT_IN_THEME_NAME}\n\n`;
  return header + kept.join('\n');
}
