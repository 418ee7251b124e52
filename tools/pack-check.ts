/**
 * `npm run pack-check`: what a user gets from `npm pack` works on its own. Packs scholarsite,
 * installs the tarball into an empty folder (from the npm registry for its dependencies, as a
 * user's machine would), and with that installed command alone builds the starter site and a new
 * site made by `scholarsite new`. CI runs it after the tests.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const work = mkdtempSync(path.join(os.tmpdir(), 'scholarsite-pack-'));

function run(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}${result.stderr}`,
    );
  }
  return result.stdout;
}

function mustHave(file: string, what: string): void {
  if (!existsSync(file)) throw new Error(`${what}: ${file} is missing`);
}

try {
  // The tarball as a release would publish it (dist/ as `npm run build` made it).
  run('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', work], root);
  const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack wrote no tarball');
  const app = path.join(work, 'app');
  run('mkdir', ['-p', app], work);
  run('npm', ['init', '-y'], app);
  run('npm', ['install', '--no-audit', '--no-fund', path.join(work, tarball)], app);
  const bin = path.join(app, 'node_modules/.bin/scholarsite');

  // The starter the package ships, built by the installed command.
  const starter = path.join(app, 'node_modules/scholarsite/examples/starter');
  run(bin, ['build', '-q', '-s', starter, '-d', path.join(work, 'starter-site')], app);
  mustHave(path.join(work, 'starter-site/index.html'), 'the starter built from the tarball');

  // A new site, with its workflow and vendored copy, built by the installed command.
  const site = path.join(work, 'my-site');
  run(bin, ['new', site], app);
  const workflow = readFileSync(path.join(site, '.github/workflows/scholarsite.yml'), 'utf8');
  if (!workflow.includes('.github/scholarsite/scholarsite-*.tgz'))
    throw new Error('the workflow does not install the vendored copy');
  const vendored = readdirSync(path.join(site, '.github/scholarsite'));
  if (!vendored.some((name) => name.endsWith('.tgz'))) throw new Error('`new` vendored no tarball');
  run(bin, ['build', '-q', '-s', site], app);
  mustHave(path.join(site, '_site/index.html'), 'a new site built from the tarball');
  console.log(`pack-check: ${tarball} installs, builds the starter, and makes and builds a new site`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
