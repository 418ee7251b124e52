/**
 * `scholarsite migrate SRC DEST`: an academicpages (or any Jekyll) site moved onto the built-in
 * theme. Content, data, images and settings are copied; the old theme's layouts, includes,
 * styles and scripts are left behind; `theme: scholarsite` goes into `_config.yml`. What the
 * content still names that the theme lacks is reported, file and line.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Config, loadConfig } from '../config/index.ts';
import { SiteError } from '../errors.ts';
import { hasFrontMatter, readFrontMatter } from '../read/front-matter.ts';
import { walkFiles } from '../read/reader.ts';
import { BUILT_IN_THEME_NAME, BUILT_IN_THEME_ROOT } from '../site/theme.ts';
import { checkEmptyDestination, copyTree } from './copy-tree.ts';
import { vendorScholarsite, WORKFLOW_PATH, writeDeployWorkflow } from './deploy-workflow.ts';

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

export interface Reference {
  kind: 'include' | 'layout';
  name: string;
  file: string;
  line: number;
}

export interface MigrateResult {
  copied: string[];
  leftBehind: string[];
  workflow: boolean;
  /** The packed scholarsite the workflow installs, or why there is none. */
  vendored: { file?: string; problem?: string };
  /** Includes and layouts the content names that neither the site nor the theme has. */
  missing: Reference[];
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
  const workflow = writeDeployWorkflow(target, version);
  if (workflow) copied.push(WORKFLOW_PATH);
  const vendored = vendor ? vendorScholarsite(target) : {};
  if (vendored.file) copied.push(vendored.file);
  return {
    copied,
    leftBehind,
    workflow,
    vendored,
    missing: missingReferences(target, copied, config),
    advice: adviceOn(config),
  };
}

/**
 * academicpages sites often put a project site's folder in `url` and leave `baseurl` empty,
 * building links from `url`. The theme builds them from `baseurl`, as Jekyll intends.
 */
function adviceOn(config: Config): string[] {
  const url = typeof config.url === 'string' ? config.url : '';
  // `https://example.org/` is a bare domain: only a path with something in it is a folder.
  const folder = /^https?:\/\/[^/]+(\/.*?)\/*$/.exec(url)?.[1];
  if (!folder || folder === '/' || config.baseurl) return [];
  const origin = url.slice(0, url.length - url.replace(/^https?:\/\/[^/]+/, '').length);
  return [
    `_config.yml: \`url: ${url}\` ends in a folder, but \`baseurl\` is empty; the theme's links would miss the folder.` +
      `\n  Hint: write \`url: ${origin}\` and \`baseurl: ${folder}\`.`,
  ];
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

const INCLUDE = /\{%-?\s*include\s+([^\s%{}]+)/g;

function missingReferences(site: string, files: string[], config: Config): Reference[] {
  const includes = new Set(walkFiles(path.join(BUILT_IN_THEME_ROOT, '_includes')));
  const layouts = new Set(
    walkFiles(path.join(BUILT_IN_THEME_ROOT, '_layouts')).map((file) => file.replace(/\.[^.]+$/, '')),
  );
  const missing: Reference[] = [];
  for (const file of files) {
    if (
      /^(\.github|_data)\//.test(file) ||
      !/\.(md|markdown|mkd|mkdn|html?|xml|txt|json|liquid)$/i.test(file)
    )
      continue;
    const text = readFileSync(path.join(site, file), 'utf8');
    if (!hasFrontMatter(text.slice(0, 512))) continue;
    const lineOf = (index: number) => text.slice(0, index).split('\n').length;
    for (const match of text.matchAll(INCLUDE)) {
      const name = match[1].replace(/^\//, '');
      if (!includes.has(name)) missing.push({ kind: 'include', name, file, line: lineOf(match.index) });
    }
    const layout = layoutOf(text, file);
    if (layout && !layouts.has(layout)) {
      missing.push({ kind: 'layout', name: layout, file, line: lineOf(text.search(/^layout\s*:/m)) });
    }
  }
  const defaults = Array.isArray(config.defaults) ? (config.defaults as Config[]) : [];
  for (const entry of defaults) {
    const layout = (entry?.values as Config | undefined)?.layout;
    if (typeof layout === 'string' && !layouts.has(layout)) {
      missing.push({ kind: 'layout', name: layout, file: '_config.yml', line: 0 });
    }
  }
  return missing;
}

function layoutOf(text: string, file: string): string | undefined {
  try {
    const layout = readFrontMatter(text, file).data.layout;
    return typeof layout === 'string' && layout !== 'none' && layout !== '' ? layout : undefined;
  } catch {
    return undefined; // bad front matter is the build's to report
  }
}
