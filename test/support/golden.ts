/** Build a fixture site with scholarsite and compare it with Jekyll's golden output. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compareTrees, type FileResult } from '../../tools/compat/compare.ts';
import { goldenDir, goldenTimes, SITES, VARIANTS } from '../../tools/goldens.ts';
import { runCli } from './cli.ts';

export { VARIANTS };

/** The files that differ from the golden, with a readable diff each; empty when all match. */
export function differencesFromGolden(variant: string): FileResult[] {
  const { site, flags } = VARIANTS[variant];
  const out = mkdtempSync(path.join(os.tmpdir(), 'scholarsite-fixture-'));
  try {
    const started = Date.now();
    const result = runCli(['build', '-s', path.join(SITES, site), '-d', out, '-q', ...flags], {
      env: { TZ: 'UTC' },
    });
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

export function describe(results: FileResult[]): string {
  return results.map((r) => `${r.verdict} ${r.file}${r.diff ? `\n${r.diff}` : ''}`).join('\n');
}
