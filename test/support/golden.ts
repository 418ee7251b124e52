/** Build a fixture site with scholarsite and compare it with Jekyll's golden output. */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { compareTrees, type FileResult } from '../../tools/compat/compare.ts';
import { goldenDir, goldenTimes, SITES, THEMES, VARIANTS } from '../../tools/goldens.ts';
import { runCliAsync } from './cli.ts';
import { tempDir } from './temp-site.ts';
import { startThemeServer } from './theme-server.ts';

export { VARIANTS };

/**
 * The files that differ from the golden, with a readable diff each; empty when all match. A
 * fixture's theme is fetched from a stand-in for GitHub into an empty cache; no fixture reaches
 * GitHub (GitHub Pages' default theme is asked of a closed port and left out with a warning, as
 * the goldens' Jekyll leaves it out).
 */
export async function differencesFromGolden(variant: string): Promise<FileResult[]> {
  const { site, flags, githubPages, theme } = VARIANTS[variant];
  const out = tempDir('scholarsite-fixture-');
  const cache = tempDir('scholarsite-theme-cache-');
  const [nwo, ref] = theme?.repository.split('@') ?? [];
  const server = theme && (await startThemeServer({ [`${nwo}/${ref}`]: path.join(THEMES, theme.folder) }));
  try {
    const started = Date.now();
    const args = ['build', '-s', path.join(SITES, site), '-d', out, '-q', ...flags];
    if (githubPages) args.push('--github-pages');
    const result = await runCliAsync(args, {
      env: {
        TZ: 'UTC',
        SCHOLARSITE_THEME_URL: server?.url ?? 'http://127.0.0.1:2',
        SCHOLARSITE_THEME_CACHE: cache,
      },
    });
    if (result.code !== 0) return [{ file: '(build)', verdict: 'different', diff: result.stderr }];
    const generatedAt = Date.parse(goldenTimes()[variant] ?? '');
    return compareTrees(goldenDir(variant), out, {
      expected: Number.isNaN(generatedAt) ? undefined : generatedAt,
      actual: started,
    }).filter((r) => r.verdict !== 'equal');
  } finally {
    await server?.close();
    rmSync(out, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  }
}

export function describe(results: FileResult[]): string {
  return results.map((r) => `${r.verdict} ${r.file}${r.diff ? `\n${r.diff}` : ''}`).join('\n');
}
