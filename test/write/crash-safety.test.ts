/**
 * A build killed at any moment (SIGKILL, no chance to clean up) leaves the old `_site` or the
 * new one, whole, never a mix; and the next build starts from there.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../support/cli.ts';
import { tempSite } from '../support/temp-site.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/scholarsite.js');
const PAGES = 400;

/** A site whose every page says which version it is. */
function writeVersion(source: string, version: string): void {
  for (let i = 0; i < PAGES; i++) {
    writeFileSync(
      path.join(source, `page-${i}.md`),
      `---\ntitle: Page ${i}\n---\nversion ${version} of page ${i}\n`,
    );
  }
}

/** The version every page of a built site has; fails on a site that mixes versions or lacks pages. */
function versionOf(site: string): string {
  const versions = new Set<string>();
  for (let i = 0; i < PAGES; i++) {
    const file = path.join(site, `page-${i}.html`);
    assert.ok(existsSync(file), `${file} is missing: the site is not whole`);
    versions.add(/version (\w+)/.exec(readFileSync(file, 'utf8'))?.[1] ?? 'torn');
  }
  assert.equal(versions.size, 1, `the site mixes versions: ${[...versions].join(', ')}`);
  return [...versions][0];
}

function killAfter(source: string, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'build', '-q', '-s', source], { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

test('a build killed at any moment leaves the old site or the new one, whole', async () => {
  const source = tempSite({ '_config.yml': 'title: Crash\n', 'index.html': '---\n---\nhome\n' });
  writeVersion(source, 'v0');
  assert.equal(runCli(['build', '-q', '-s', source]).code, 0);
  const site = path.join(source, '_site');

  const started = performance.now();
  writeVersion(source, 'v1');
  assert.equal(runCli(['build', '-q', '-s', source]).code, 0);
  const duration = performance.now() - started;

  // Kills spread over the whole run, start-up to the last rename, each on a new version.
  const kills = 16;
  const outcomes = { old: 0, new: 0 };
  for (let k = 0; k < kills; k++) {
    const before = existsSync(site) ? versionOf(site) : undefined;
    const next = `v${k + 2}`;
    writeVersion(source, next);
    await killAfter(source, 30 + ((duration * 1.2) / kills) * k);
    if (existsSync(site)) {
      const found = versionOf(site);
      assert.ok([before, next].includes(found), `killed at step ${k}: neither ${before} nor ${next}`);
      outcomes[found === next ? 'new' : 'old']++;
    } else {
      // Killed between the swap's two renames: the old site waits aside for the next build.
      const aside = readdirSync(source).filter((name) => name.startsWith('._site.old-'));
      assert.equal(aside.length, 1, `killed at step ${k}: no site, and ${aside.length} put aside`);
      assert.equal(versionOf(path.join(source, aside[0])), before);
    }
  }
  // The kills landed both before the swap and after it, so the writing itself was in between.
  assert.ok(outcomes.old > 0 && outcomes.new > 0, JSON.stringify(outcomes));
  assert.equal(runCli(['build', '-q', '-s', source]).code, 0);
  assert.equal(versionOf(site), `v${kills + 1}`);
});

test('a site left aside by a killed swap is put back, even when the next build fails', () => {
  const source = tempSite({ '_config.yml': 'title: Crash\n', 'index.html': '---\n---\nhome\n' });
  writeVersion(source, 'v1');
  assert.equal(runCli(['build', '-q', '-s', source]).code, 0);
  const site = path.join(source, '_site');
  // As a build killed between its two renames leaves it.
  renameSync(site, path.join(source, '._site.old-12345-0'));
  writeFileSync(path.join(source, 'broken.html'), '---\n---\n{% if %}\n');
  assert.equal(runCli(['build', '-q', '-s', source]).code, 1);
  assert.equal(versionOf(site), 'v1');
});
