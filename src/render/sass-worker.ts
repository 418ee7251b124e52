/**
 * A worker thread that owns Dart Sass's host library. Loading that library takes ~0.2 s of
 * JavaScript, and talking to Dart Sass's process takes more; here both happen beside the main
 * thread, which reads and renders the site meanwhile.
 */
import { createRequire } from 'node:module';
import { parentPort } from 'node:worker_threads';
import type { AsyncCompiler, StringOptions } from 'sass-embedded';

export interface SassRequest {
  id: number;
  text: string;
  /**
   * The options, less the logger (a function cannot cross threads) and with `url` as text. They
   * hold no custom functions or importers, so the synchronous API's options serve the async one.
   */
  options: Omit<StringOptions<'sync'>, 'logger' | 'url'> & { url: string };
}

export type SassReply =
  | { id: number; css: string; sourceMap?: { file?: string; sources: string[] } }
  | { id: number; error: { message: string; span?: { line: number; column: number; url?: string } } };

const port = parentPort;
if (port) {
  const sass = createRequire(import.meta.url)('sass-embedded') as typeof import('sass-embedded');
  const compiler: Promise<AsyncCompiler> = sass.initAsyncCompiler();
  port.on('message', async (message: SassRequest | 'close') => {
    if (message === 'close') {
      await (await compiler).dispose();
      port.close();
      return;
    }
    const { id, text, options } = message;
    try {
      const result = await (await compiler).compileStringAsync(text, {
        ...(options as Omit<StringOptions<'async'>, 'url'>),
        url: new URL(options.url),
        logger: { warn: () => {}, debug: () => {} },
      });
      port.postMessage({ id, css: result.css, sourceMap: result.sourceMap } satisfies SassReply);
    } catch (error) {
      const e = error as { message: string; span?: { start: { line: number; column: number }; url?: URL } };
      const span = e.span && { line: e.span.start.line, column: e.span.start.column, url: e.span.url?.href };
      port.postMessage({ id, error: { message: String(e.message), span } } satisfies SassReply);
    }
  });
}
