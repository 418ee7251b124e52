/**
 * Sidebar links an owner added to academicpages' author profile (`author: { hal: … }` and a line
 * for it in their `_includes/author-profile.html`): the theme knows academicpages' keys
 * (theme/_data/profile-links.yml), not these, so `migrate` writes them into the new site's
 * `_data/profile-links-extra.yml`, which the theme shows after its own, with the old label.
 * A key the theme knows but the old sidebar made an address of in its own way (`mastodon: ada`
 * with `href="https://{{ author.mastodonsrvr }}/@{{ author.mastodon }}"`, where the theme takes
 * the value as the whole address) gets the address the old sidebar wrote, in `_config.yml`.
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
  const themeLinks = parse(
    readFileSync(path.join(BUILT_IN_THEME_ROOT, '_data/profile-links.yml'), 'utf8'),
  ) as ThemeLink[];
  const known = new Set(themeLinks.map((link) => link.key));
  const text = readFileSync(sidebar, 'utf8');
  const steps = spellOutAddresses(target, text, author, themeLinks);
  const extra: { key: string; label: string; prefix?: string; suffix?: string }[] = [];
  for (const match of text.matchAll(AUTHOR_LINK)) {
    const [, prefix, key, suffix, inner] = match;
    if (known.has(key) || !author[key] || extra.some((link) => link.key === key)) continue;
    const label =
      inner
        .replace(/<[^>]*>/g, '')
        .replace(/\s+/g, ' ')
        .trim() || key;
    extra.push({ key, label, ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}) });
  }
  if (extra.length === 0) return steps;
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
    ...steps,
    {
      action: 'kept',
      what: `author links ${extra.map((link) => link.key).join(', ')}`,
      why: `the old sidebar showed them; written to ${EXTRA_LINKS_FILE}, which the theme shows after its own links`,
    },
  ];
}

interface ThemeLink {
  key: string;
  prefix?: string;
  suffix?: string;
}

/** An `href` of the old sidebar that writes `{{ author.KEY }}` into it. */
const AUTHOR_HREF = /href="([^"]*\{\{\s*author\.\w+\s*\}\}[^"]*)"/g;

/**
 * For each key the theme knows whose value it would write as a link to no address (`aeadata`),
 * the address the old sidebar made of it, written into `_config.yml` in its place.
 */
function spellOutAddresses(
  target: string,
  sidebar: string,
  author: Config,
  themeLinks: ThemeLink[],
): CarryStep[] {
  const steps: CarryStep[] = [];
  const configFile = path.join(target, '_config.yml');
  if (!existsSync(configFile)) return steps;
  let config = readFileSync(configFile, 'utf8');
  for (const link of themeLinks) {
    const value = author[link.key];
    if (typeof value !== 'string' || value.includes('://')) continue;
    const themeHref = link.prefix ? `${link.prefix}${value}${link.suffix ?? ''}` : value;
    if (/^[a-z][a-z0-9+.-]*:/i.test(themeHref)) continue; // the theme makes an address of it
    for (const [, template] of sidebar.matchAll(AUTHOR_HREF)) {
      if (!new RegExp(`\\{\\{\\s*author\\.${link.key}\\s*\\}\\}`).test(template)) continue;
      const href = template.replace(/\{\{\s*author\.(\w+)\s*\}\}/g, (_, key: string) =>
        String(author[key] ?? ''),
      );
      if (!/^https?:\/\/[^/]/.test(href) || /\{[{%]/.test(href)) continue;
      const written = setAuthorValue(config, link.key, href);
      if (!written) break;
      config = written;
      steps.push({
        action: 'mapped',
        what: `author.${link.key}: ${value}`,
        why: `now ${href}, the address the old sidebar made of it: the theme takes the value as the whole address`,
      });
      break;
    }
  }
  if (steps.length) writeFileSync(configFile, config);
  return steps;
}

/** `_config.yml`'s text with `author: { KEY: … }` set to `value`, or undefined when the line is not found. */
function setAuthorValue(config: string, key: string, value: string): string | undefined {
  const lines = config.split('\n');
  const start = lines.findIndex((line) => /^author\s*:\s*(#.*)?$/.test(line));
  if (start < 0) return undefined;
  for (let index = start + 1; index < lines.length; index++) {
    const line = lines[index];
    if (/^[^\s#]/.test(line)) break; // the next top-level key: the author block has ended
    const match = new RegExp(`^(\\s+)${key}\\s*:`).exec(line);
    if (!match) continue;
    lines[index] =
      `${match[1]}${key}: ${JSON.stringify(value)}   # was: ${line.trim()} (scholarsite migrate)`;
    return lines.join('\n');
  }
  return undefined;
}
