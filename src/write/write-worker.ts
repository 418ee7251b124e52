/**
 * A worker thread that writes pages into the staging folder while the main thread renders the
 * next ones (see SiteWriter.early). Creating thousands of folders and files is system time that
 * would otherwise follow rendering; here it runs on the other core. The first failure (a full
 * disk) stops the writing and is told when the main thread asks for the result.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';

/** A file for the staging folder: its text, or the file to copy. */
export interface EarlyFile {
  target: string;
  text?: string;
  copyFrom?: string;
}

export type WriteRequest = EarlyFile[] | 'finish';

export interface WriteReply {
  failure?: { message: string; code?: string; path?: string };
}

const port = parentPort;
if (port) {
  const made = new Set<string>();
  let failure: WriteReply['failure'];
  port.on('message', (request: WriteRequest) => {
    if (request === 'finish') {
      port.postMessage({ failure } satisfies WriteReply);
      return;
    }
    if (failure) return;
    try {
      for (const file of request) {
        const dir = path.dirname(file.target);
        if (!made.has(dir)) {
          mkdirSync(dir, { recursive: true });
          made.add(dir);
        }
        if (file.copyFrom) copyFileSync(file.copyFrom, file.target);
        else writeFileSync(file.target, file.text ?? '');
      }
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      failure = { message: e.message, code: e.code, path: e.path };
    }
  });
}
