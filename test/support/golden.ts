/** Build a fixture site with scholarsite and compare it with Jekyll's golden output. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compareTrees, type FileResult } from '../../tools/compat/compare.ts';
import { goldenDir, goldenTimes, SITES, VARIANTS } from '../../tools/goldens.ts';
import { runCli } from './cli.ts';

export { VARIANTS };

/**
 * The files that differ from the golden, with a readable diff each; empty when all match.
 * `env`: more of the environment (a theme server's address).
 */
export function differencesFromGolden(variant: string, env: Record<string, string> = {}): FileResult[] {
  const { site, flags, githubPages } = VARIANTS[variant];
  const out = mkdtempSync(path.join(os.tmpdir(), 'scholarsite-fixture-'));
  try {
    const started = Date.now();
    const args = ['build', '-s', path.join(SITES, site), '-d', out, '-q', ...flags];
    if (githubPages) args.push('--github-pages');
    const result = runCli(args, { env: { TZ: 'UTC', ...NO_THEME_SERVER, ...env } });
    if (result.code !== 0) return [{ file: '(build)', verdict: 'different', diff: result.stderr }];
    const generatedAt = Date.parse(goldenTimes()[variant] ?? '');
    return compareTrees(goldenDir(variant), out, {
      expected: Number.isNaN(generatedAt) ? undefined : generatedAt,
      actual: started,
    }).filter((r) => r.verdict !== 'equal');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/**
 * Fixtures never reach GitHub: without a stand-in, a theme is asked of a closed port (GitHub
 * Pages' default theme is then left out with a warning, as the goldens' Jekyll leaves it out).
 */
const NO_THEME_SERVER = {
  SCHOLARSITE_THEME_URL: 'http://127.0.0.1:9',
  SCHOLARSITE_THEME_CACHE: path.join(os.tmpdir(), 'scholarsite-no-theme-cache'),
};

export function describe(results: FileResult[]): string {
  return results.map((r) => `${r.verdict} ${r.file}${r.diff ? `\n${r.diff}` : ''}`).join('\n');
}
