/**
 * `npm run build`: bundles src/ into dist/cli/ with esbuild. Loading one bundle instead of ~100
 * modules and their packages' files saves ~0.4 s at every start (measured: importing the build
 * went from 0.23 s to 0.09 s). The packages that spawn a program of their own or load files
 * beside them (Dart Sass, Pagefind) and the large BibTeX parser stay outside and are loaded only
 * when a site needs them. Type checking is `npm run typecheck`.
 *
 * main.js (an ES module) reads the command line and loads the command's own CommonJS bundle,
 * dist/cli/NAME.cjs, with V8's code cache (see src/cli/load-command.ts); the page writer's worker
 * thread loads write-worker.js.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BuildOptions, build } from 'esbuild';
import { newestSourceTime } from '../src/version.ts';

const root = path.resolve(import.meta.dirname, '..');
// Built beside dist/ and swapped in, so a command running meanwhile never finds dist/ half-made.
const dist = path.join(root, 'dist');
const fresh = path.join(root, `.dist-${process.pid}`);
const old = path.join(root, `.dist-old-${process.pid}`);
const commands = ['build', 'serve', 'new', 'migrate', 'import', 'cv', 'talkmap', 'citations', 'check'];

const shared: BuildOptions = {
  // dist/cli/ is two folders below the package, as src/cli/ is, so `new URL('../../theme',
  // import.meta.url)` finds the theme from either.
  outdir: path.join(fresh, 'cli'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  external: ['sass-embedded', 'pagefind', '@retorquere/bibtex-parser'],
  // The caches between builds trust only what this very source wrote (see codeStamp).
  define: { SCHOLARSITE_SOURCE_TIME: String(newestSourceTime(path.join(root, 'src'))) },
  logLevel: 'warning',
};
await build({
  ...shared,
  entryPoints: {
    main: path.join(root, 'src/cli/main.ts'),
    'write-worker': path.join(root, 'src/write/write-worker.ts'),
  },
  format: 'esm',
});
await build({
  ...shared,
  entryPoints: Object.fromEntries(commands.map((name) => [name, path.join(root, `src/cli/${name}.ts`)])),
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  // A CommonJS file has no import.meta: its URL is made from __filename.
  define: { ...shared.define, 'import.meta.url': '__importMetaUrl' },
  banner: { js: "var __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});
if (existsSync(dist)) renameSync(dist, old);
renameSync(fresh, dist);
rmSync(old, { recursive: true, force: true });

// One build of the starter site leaves the code cache of the build command beside it, with the
// functions a build calls (a run that only prints --help would leave a poorer one). Nothing is
// written into the starter: its output goes to a temporary folder, with no disk cache.
const out = mkdtempSync(path.join(os.tmpdir(), 'scholarsite-bundle-'));
const training = spawnSync(
  process.execPath,
  [
    path.join(root, 'bin/scholarsite.js'),
    'build',
    '-q',
    '--disable-disk-cache',
    '-s',
    path.join(root, 'examples/starter'),
    '-d',
    path.join(out, '_site'),
  ],
  { encoding: 'utf8' },
);
rmSync(out, { recursive: true, force: true });
if (training.status !== 0)
  console.warn(`bundle: no code cache made; the starter's build failed:\n${training.stderr}`);
