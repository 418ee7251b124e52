/**
 * How long `serve` takes from saving one post of a large site to the rebuilt page on disk, and
 * to the reload event an open page receives. Medians over several saves.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { serve } from '../../src/serve/index.ts';
import { median } from './measure.ts';
import { postDate, postName, postText, writeJekyllWorkload } from './workload.ts';

export interface LatencyResult {
  pages: number;
  toDisk: number[];
  toEvent: number[];
}

export async function serveLatency(root: string, pages: number, saves = 15): Promise<LatencyResult> {
  writeJekyllWorkload(root, pages);
  const server = await serve({
    source: root,
    port: 0,
    print: () => {},
    log: process.env.BENCH_LOG ? console.log : undefined,
  });
  const events: number[] = [];
  const stream = request({ host: '127.0.0.1', port: server.port, path: '/__scholarsite/events' });
  stream.on('response', (res) => {
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      if (/^event: reload$/m.test(chunk)) events.push(performance.now());
    });
  });
  stream.end();
  await new Promise((resolve) => setTimeout(resolve, 200));
  const toDisk: number[] = [];
  const toEvent: number[] = [];
  try {
    for (let n = 0; n < saves; n++) {
      const i = Math.floor(pages / 2) + n;
      const marker = `Saved edit ${n}.`;
      const output = path.join(root, '_site', postOutput(i));
      const built = new Promise<void>((resolve) => server.onBuild(() => resolve()));
      const before = events.length;
      const started = performance.now();
      writeFileSync(path.join(root, postName(i)), postText(i, marker));
      // The file on disk, checked as often as the event loop allows.
      while (!readFileSync(output, 'utf8').includes(marker)) await new Promise((r) => setImmediate(r));
      toDisk.push(performance.now() - started);
      await built;
      while (events.length === before) await new Promise((r) => setTimeout(r, 1));
      toEvent.push(events[before] - started);
      await server.idle();
    }
  } finally {
    stream.destroy();
    await server.close();
  }
  return { pages, toDisk, toEvent };
}

/** Where the workload's permalink (`/:year/:month/:day/:title/`) puts post `i`. */
function postOutput(i: number): string {
  return `${postDate(i).replaceAll('-', '/')}/post-${i}/index.html`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await serveLatency(
    path.resolve(process.argv[2] ?? '.scratch/bench-serve'),
    Number(process.argv[3] ?? 1000),
  );
  console.log(
    `save → disk: median ${median(result.toDisk).toFixed(1)} ms; → reload event: ${median(result.toEvent).toFixed(1)} ms`,
  );
}
