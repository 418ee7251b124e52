/**
 * `npm test` runs this first: imports in src/ point down the layers, never up. A value import
 * from a higher layer is a tangle (the lower folder can no longer be read, tested or reused
 * without the higher one); type-only imports are free, they vanish when compiled.
 *
 * Layers, bottom to top (a file may import its own layer and those below it): see LAYERS.
 * Known upward imports are listed in EXCEPTIONS, each with why it is still there: that list is
 * the to-do. Any other upward import fails, naming the file and the import.
 *
 * `node --import tsx tools/layers.ts --graph` prints every value import between layers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const src = path.join(root, 'src');

/** Bottom to top; each entry is a layer, a list of paths under src/ (a folder or one file). */
export const LAYERS: readonly (readonly string[])[] = [
  // How Ruby prints values, parses and formats times, escapes and slugifies: nothing else of src/.
  ['ruby'],
  // Leaf utilities.
  [
    'version.ts',
    'errors.ts',
    'profile.ts',
    'worker-thread.ts',
    'import-package.ts',
    'chromium.ts',
    'stat.ts',
    'relative-path.ts',
    'fetch-with-retries.ts',
  ],
  // Safe writing of files and caches, which read, render and incremental use.
  ['write'],
  // YAML as Ruby's Psych reads it.
  ['yaml'],
  // Fetching a remote theme, which config needs to find the theme's _config.yml.
  ['remote-theme'],
  ['config'],
  ['site'],
  ['read'],
  ['render'],
  // The search page is added by generate, the index written after the build.
  ['search'],
  ['generate'],
  ['incremental'],
  ['build.ts'],
  // The commands beside the build.
  ['serve', 'check', 'scaffold', 'import', 'citations', 'cv', 'talkmap'],
  ['cli'],
];

/**
 * Upward imports let through for now, as `from -> to` (paths under src/), each with a comment
 * saying where the imported thing belongs: the list is the to-do. It is empty; keep it so.
 */
export const EXCEPTIONS: readonly string[] = [];

/** The layer of a file under src/ (its index in LAYERS). */
export function layerOf(file: string): number {
  const index = LAYERS.findIndex((layer) =>
    layer.some((place) => file === place || file.startsWith(`${place}/`)),
  );
  if (index < 0) throw new Error(`tools/layers.ts: src/${file} is in no layer; add it to LAYERS`);
  return index;
}

/**
 * The modules a file imports for their values: `import … from`, `export … from`, `import '…'` and
 * `import('…')`, leaving out `import type`, `export type` and imports whose every name is `type`.
 */
export function valueImports(text: string): string[] {
  const found: string[] = [];
  const statement =
    /^(?:import|export)\s+((?:type\s+)?(?:\*(?:\s+as\s+\w+)?|\w+(?:\s*,\s*\{[^}]*\})?|\{[^}]*\}))\s*from\s*'([^']+)'/gm;
  for (const match of text.matchAll(statement)) {
    const clause = match[1]!;
    if (/^type\s/.test(clause)) continue;
    const braces = /^\{([^}]*)\}$/s.exec(clause.trim());
    if (braces) {
      const names = braces[1]!
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean);
      if (names.length > 0 && names.every((name) => name.startsWith('type '))) continue;
    }
    found.push(match[2]!);
  }
  for (const match of text.matchAll(/^\s*import\s+'([^']+)'/gm)) found.push(match[1]!);
  for (const match of text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)) found.push(match[1]!);
  return found;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.relative(src, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

export interface Edge {
  from: string;
  to: string;
}

/** Every value import from one src/ file to another in a different layer. */
export function crossLayerImports(): Edge[] {
  const edges: Edge[] = [];
  for (const file of sourceFiles(src)) {
    const text = readFileSync(path.join(src, file), 'utf8');
    for (const specifier of valueImports(text)) {
      if (!specifier.startsWith('.')) continue;
      const to = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
      if (to.startsWith('..')) continue;
      if (layerOf(to) !== layerOf(file)) edges.push({ from: file, to });
    }
  }
  return edges;
}

function main(): void {
  const edges = crossLayerImports();
  if (process.argv.includes('--graph')) {
    for (const { from, to } of edges) {
      console.log(`${layerOf(from) < layerOf(to) ? 'UP  ' : 'down'} ${from} -> ${to}`);
    }
    return;
  }
  const allowed = new Set(EXCEPTIONS);
  const upward = edges.filter(({ from, to }) => layerOf(from) < layerOf(to));
  const seen = new Set(upward.map(({ from, to }) => `${from} -> ${to}`));
  const fresh = upward.filter(({ from, to }) => !allowed.has(`${from} -> ${to}`));
  const stale = EXCEPTIONS.filter((edge) => !seen.has(edge));
  for (const { from, to } of fresh) {
    console.error(
      `src/${from} imports src/${to}, which is in a higher layer (see LAYERS in tools/layers.ts): ` +
        'move what it needs down, or import it as a type.',
    );
  }
  for (const edge of stale) {
    console.error(
      `tools/layers.ts: the exception "${edge}" is gone from the code; remove it from EXCEPTIONS.`,
    );
  }
  if (fresh.length > 0 || stale.length > 0) process.exit(1);
  console.log(
    `layers: ${edges.length} imports between layers, all downward but ${upward.length} known ones.`,
  );
}

if (process.argv[1] === import.meta.filename) main();
