/**
 * Sidebar links an owner added to academicpages' author profile (`author: { hal: … }` and a line
 * for it in their `_includes/author-profile.html`): the theme knows academicpages' keys
 * (theme/_data/profile-links.yml), not these, so `migrate` writes them into the new site's
 * `_data/profile-links-extra.yml`, which the theme shows after its own, with the old label.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { Config } from '../config/index.ts';
import { BUILT_IN_THEME_ROOT } from '../config/theme.ts';
import type { CarryStep } from './carry-over.ts';

/** `<a href="PREFIX{{ author.KEY }}SUFFIX" …>LABEL</a>` in the old sidebar. */
const AUTHOR_LINK = /<a\s[^>]*href="([^"{]*)\{\{\s*author\.(\w+)\s*\}\}([^"{]*)"[^>]*>([\s\S]*?)<\/a>/g;

export const EXTRA_LINKS_FILE = '_data/profile-links-extra.yml';

export function carryProfileLinks(source: string, target: string, config: Config): CarryStep[] {
  const includes = String(config.includes_dir ?? '_includes');
  const sidebar = path.join(source, includes, 'author-profile.html');
  const author = config.author as Config | undefined;
  if (!existsSync(sidebar) || !author || typeof author !== 'object') return [];
  if (existsSync(path.join(target, EXTRA_LINKS_FILE))) return [];
  const known = new Set(
    (
      parse(readFileSync(path.join(BUILT_IN_THEME_ROOT, '_data/profile-links.yml'), 'utf8')) as {
        key: string;
      }[]
    ).map((link) => link.key),
  );
  const extra: { key: string; label: string; prefix?: string; suffix?: string }[] = [];
  for (const match of readFileSync(sidebar, 'utf8').matchAll(AUTHOR_LINK)) {
    const [, prefix, key, suffix, inner] = match;
    if (known.has(key) || !author[key] || extra.some((link) => link.key === key)) continue;
    const label =
      inner
        .replace(/<[^>]*>/g, '')
        .replace(/\s+/g, ' ')
        .trim() || key;
    extra.push({ key, label, ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}) });
  }
  if (extra.length === 0) return [];
  const lines = [
    "# Links the old site's sidebar had that the theme does not know, written by `scholarsite migrate`:",
    "# shown after the theme's own, for each key set under `author:` in _config.yml. Same form as",
    "# the theme's _data/profile-links.yml.",
    ...extra.map(
      (link) =>
        `- { key: ${link.key}, label: ${JSON.stringify(link.label)}, icon: link${link.prefix ? `, prefix: ${JSON.stringify(link.prefix)}` : ''}${link.suffix ? `, suffix: ${JSON.stringify(link.suffix)}` : ''} }`,
    ),
  ];
  mkdirSync(path.join(target, '_data'), { recursive: true });
  writeFileSync(path.join(target, EXTRA_LINKS_FILE), `${lines.join('\n')}\n`);
  return [
    {
      action: 'kept',
      what: `author links ${extra.map((link) => link.key).join(', ')}`,
      why: `the old sidebar showed them; written to ${EXTRA_LINKS_FILE}, which the theme shows after its own links`,
    },
  ];
}
