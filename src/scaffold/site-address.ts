/**
 * academicpages sites served from a folder (`https://ada.github.io/homepage/`) often write the
 * folder into `url` and leave `baseurl` empty: academicpages builds every link from
 * `site.url + site.baseurl`, so that works there. The theme builds its links from `baseurl`, as
 * Jekyll intends, so `migrate` moves the folder into `baseurl`; the content's own
 * `{{ site.url }}` (without `{{ site.baseurl }}` after it) gets `{{ site.baseurl }}` added, so
 * every link leads where it led before.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/index.ts';
import type { CarryStep } from './carry-over.ts';

/** `{{ site.url }}` not followed by `{{ site.baseurl }}`. */
const SITE_URL_ALONE = /\{\{-?\s*site\.url\s*-?\}\}(?!\s*\{\{-?\s*site\.baseurl\b)/g;
const TEXT = /\.(md|markdown|mkd|mkdn|html?|xml|txt|yml|yaml|json|liquid)$/i;

/** The origin and folder of `url` when it names a folder and `baseurl` is empty. */
function urlFolder(config: Config): { origin: string; folder: string } | undefined {
  const url = typeof config.url === 'string' ? config.url : '';
  if (config.baseurl) return undefined;
  // `https://example.org/` is a bare domain: only a path with something in it is a folder.
  const match = /^(https?:\/\/[^/]+)(\/.*?)\/*$/.exec(url);
  if (!match || match[2] === '' || match[2] === '/') return undefined;
  return { origin: match[1], folder: match[2] };
}

/**
 * Rewrites `_config.yml` (`url:` to the origin, `baseurl:` to the folder) and the copied content;
 * returns what was done, for the report, or nothing when `url` names no folder.
 */
export function moveUrlFolderToBaseurl(target: string, copied: string[], config: Config): CarryStep[] {
  const address = urlFolder(config);
  if (!address) return [];
  const { origin, folder } = address;
  const configFile = path.join(target, '_config.yml');
  const lines = readFileSync(configFile, 'utf8').split('\n');
  const urlAt = lines.findIndex((line) => /^url\s*:/.test(line));
  if (urlAt < 0) return []; // set in another config file: nothing here to rewrite
  const moved = `# ${lines[urlAt]}   (split into url and baseurl by scholarsite migrate)`;
  lines.splice(urlAt, 1, moved, `url: "${origin}"`);
  const baseurlAt = lines.findIndex((line) => /^baseurl\s*:/.test(line));
  if (baseurlAt >= 0) lines[baseurlAt] = `baseurl: "${folder}"`;
  else lines.splice(urlAt + 2, 0, `baseurl: "${folder}"`);
  writeFileSync(configFile, lines.join('\n'));

  const rewritten: string[] = [];
  for (const file of copied) {
    if (!TEXT.test(file) || /^_config\.ya?ml$/.test(file)) continue;
    const absolute = path.join(target, file);
    const text = readFileSync(absolute, 'utf8');
    const changed = text.replace(SITE_URL_ALONE, '{{ site.url }}{{ site.baseurl }}');
    if (changed === text) continue;
    writeFileSync(absolute, changed);
    rewritten.push(file);
  }
  const steps: CarryStep[] = [
    {
      action: 'mapped',
      what: `url: ${String(config.url)}`,
      why: `the folder went into \`baseurl: ${folder}\` and \`url\` is now ${origin}: the theme builds its links from baseurl, as Jekyll intends`,
    },
  ];
  if (rewritten.length)
    steps.push({
      action: 'mapped',
      what: '{{ site.url }}',
      why: `followed by {{ site.baseurl }} in ${rewritten.join(', ')}, so those links keep the folder`,
    });
  return steps;
}
