/** A real site, copied so that both scholarsite and Debian's Jekyll can build it the same way. */
import { cpSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Debian's Jekyll has no gem themes, no jemoji and no jekyll-remote-theme: a site naming them cannot be built by the
 * oracle at all. Both tools then build the site without those lines, and the run says so.
 */
function withoutUnavailableGems(site: string): string[] {
  const file = path.join(site, '_config.yml');
  if (!existsSync(file)) return [];
  const found: string[] = [];
  const text = readFileSync(file, 'utf8')
    .replace(/^(remote_theme|theme)\s*:.*$/gm, (line) => {
      found.push(`removed "${line.trim()}"`);
      return `# ${line}`;
    })
    // GitHub Pages (Jekyll 3.10) still loads the plugins of the old `gems:` key, Jekyll 4.3
    // ignores it; scholarsite follows GitHub Pages, so the oracle is given `plugins:`.
    .replace(/^gems\s*:/gm, () => {
      found.push('renamed gems: to plugins:');
      return 'plugins:';
    })
    .replace(/^(\s*-\s*)["']?jemoji["']?\s*$/gm, (line) => {
      found.push('removed jemoji from plugins');
      return line.replace(/jemoji/, 'jekyll-feed');
    })
    // With its `remote_theme:` line commented out above, the plugin has nothing to do.
    .replace(/^(\s*-\s*)["']?jekyll-remote-theme["']?\s*$/gm, (line) => {
      found.push('removed jekyll-remote-theme from plugins');
      return `# ${line}`;
    });
  writeFileSync(file, text);
  return found;
}

/** Copies a site for both tools to build: no output or caches, Gemfiles moved aside, gems Debian lacks removed; what was changed goes into `notes`. */
export function copySite(source: string, into: string, notes: string[]): string {
  const target = path.join(into, path.basename(source));
  cpSync(source, target, {
    recursive: true,
    filter: (from) => !/[/\\](_site|\.git|\.jekyll-cache)$/.test(from),
  });
  for (const file of ['Gemfile', 'Gemfile.lock']) {
    if (existsSync(path.join(target, file)))
      renameSync(path.join(target, file), path.join(target, `${file}.aside`));
  }
  notes.push(...withoutUnavailableGems(target));
  return target;
}
