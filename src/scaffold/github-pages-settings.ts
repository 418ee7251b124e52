/**
 * A site GitHub Pages built got some settings without asking: the plugins it always runs (links to
 * `.md` files made page links, pages without front matter, titles from headings…) and
 * `future: true` (talks and papers dated ahead are published). The migrated site is built by its
 * own workflow as plain Jekyll, which does none of that by itself, so `migrate` writes those
 * settings into `_config.yml` and the site keeps every page and link it had.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ALWAYS_ON_PLUGINS, type Config, publishingMode } from '../config/index.ts';
import type { CarryStep } from './carry-over.ts';

export function keepGitHubPagesSettings(source: string, target: string, config: Config): CarryStep[] {
  const mode = publishingMode(source);
  if (!mode.githubPages) return [];
  const file = path.join(target, '_config.yml');
  const lines = readFileSync(file, 'utf8').split('\n');
  const listed = [config.plugins, config.gems].flatMap((list) =>
    Array.isArray(list) ? list.map(String) : [],
  );
  const plugins = [...new Set([...listed, ...ALWAYS_ON_PLUGINS])];
  const added = plugins.filter((plugin) => !listed.includes(plugin));
  const steps: CarryStep[] = [];
  const block: string[] = [
    '',
    `# GitHub Pages did this for the old site by itself (${mode.reason}); the new site is built by`,
    '# its own workflow, so `scholarsite migrate` wrote it down.',
  ];
  if (added.length) {
    commentOutKey(lines, /^(plugins|gems)\s*:/);
    block.push('plugins:', ...plugins.map((plugin) => `  - ${plugin}`));
    steps.push({
      action: 'kept',
      what: `plugins GitHub Pages always runs (${added.join(', ')})`,
      why: 'now listed in _config.yml: links to .md files, pages without front matter and titles from headings work as before',
    });
  }
  // Jekyll's defaults are merged into `config`: whether the site set `future` is in its file.
  if (!lines.some((line) => /^future\s*:/.test(line))) {
    block.push('future: true');
    steps.push({
      action: 'kept',
      what: 'future: true',
      why: "GitHub Pages' default: pages dated ahead (a talk next month) are still published",
    });
  }
  if (steps.length) writeFileSync(file, `${lines.join('\n').replace(/\n*$/, '\n')}${block.join('\n')}\n`);
  return steps;
}

/** `key:` and the indented or listed lines under it, commented out in place. */
function commentOutKey(lines: string[], key: RegExp): void {
  for (let at = 0; at < lines.length; at++) {
    if (!key.test(lines[at])) continue;
    lines[at] = `# ${lines[at]}   (replaced below by scholarsite migrate)`;
    for (let next = at + 1; next < lines.length && /^(\s|-|#|$)/.test(lines[next]); next++) {
      if (/^\s*-|^\s+\S/.test(lines[next])) lines[next] = `# ${lines[next]}`;
    }
  }
}
