/**
 * Loading a command's code. In the package (dist/cli/) each command is one CommonJS file, which
 * V8 compiles with the code cache its last run left beside it: the bytecode of every function
 * that run used, so neither the bundle nor the functions a build calls are compiled again (Node
 * 20 keeps no code cache for ES modules). A cached build of about-zexili: 0.60 s → 0.51 s.
 * Run from src/ (the tests, under tsx), the command is imported as it is.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

type Command = Record<string, (argv: string[]) => Promise<number>>;

/** Run `run` of the command module `name` with `argv`; its exit code. */
export async function runCommand(name: string, run: string, argv: string[]): Promise<number> {
  if (import.meta.url.endsWith('.ts')) {
    // A specifier built at run time: the bundler must not pull the commands into main.js.
    const specifier = new URL(`./${name}.ts`, import.meta.url).href;
    return ((await import(specifier)) as Command)[run](argv);
  }
  const loaded = loadBundled(fileURLToPath(new URL(`./${name}.cjs`, import.meta.url)));
  try {
    return await (loaded.exports as Command)[run](argv);
  } finally {
    loaded.keepCache();
  }
}

/** A CommonJS bundle, compiled with its code cache when there is one that V8 accepts. */
function loadBundled(file: string): { exports: unknown; keepCache(): void } {
  // Named for this Node: another one's cache would be refused (and written over at each switch).
  const cacheFile = `${file}.${process.version}-${process.arch}.cache`;
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // none yet
  }
  // Module.wrap's function, with one more argument: `import` (see import-package.ts).
  const source = `(function (exports, require, module, __filename, __dirname, __importPackage) {${readFileSync(file, 'utf8')}\n});`;
  const script = new vm.Script(source, { filename: file, cachedData });
  const module = { exports: {} as unknown };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  const importPackage = (name: string) => import(name);
  wrapper.call(
    module.exports,
    module.exports,
    Module.createRequire(file),
    module,
    file,
    path.dirname(file),
    importPackage,
  );
  return {
    exports: module.exports,
    keepCache: () => {
      if (cachedData && !script.cachedDataRejected) return;
      // After the run: the cache then holds every function it compiled. A package folder that
      // cannot be written (a system-wide install) just goes without.
      try {
        const partial = `${cacheFile}.${process.pid}`;
        writeFileSync(partial, script.createCachedData());
        renameSync(partial, cacheFile);
      } catch {
        // no cache, no harm
      }
    },
  };
}
