/**
 * `import()` of a package that is an ES module (Pagefind, the BibTeX parser). The commands run as
 * CommonJS compiled by vm.Script (see cli/load-command.ts), where `import()` needs an experimental
 * flag; there the loader lends its own `import` as `__importPackage`.
 */
declare const __importPackage: ((name: string) => Promise<unknown>) | undefined;

export function importPackage<T>(name: string): Promise<T> {
  return (typeof __importPackage === 'function' ? __importPackage(name) : import(name)) as Promise<T>;
}
