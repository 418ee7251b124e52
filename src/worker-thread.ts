import { Worker } from 'node:worker_threads';

/**
 * Start the worker thread `name` (a module beside the caller, `callerUrl` being its
 * import.meta.url). In the bundle the worker is its .js file beside the chunk. Run from src/ (the
 * tests, under tsx), it is the .ts file, and a worker thread does not inherit tsx's loader: it
 * registers it.
 */
export function startWorker(callerUrl: string, name: string): Worker {
  if (callerUrl.endsWith('.ts')) {
    const url = JSON.stringify(new URL(`./${name}.ts`, callerUrl).href);
    const code = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${url}); })`;
    return new Worker(code, { eval: true });
  }
  return new Worker(new URL(`./${name}.js`, callerUrl));
}
