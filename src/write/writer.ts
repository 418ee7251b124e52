/**
 * Writing `_site`: everything goes into a fresh folder beside the destination, which is then
 * swapped in, so a failed or killed build leaves the previous site whole. `keep_files` are
 * carried over from the old site. Nothing is ever written outside the destination.
 */

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { SiteError } from '../errors.ts';

export interface OutputFile {
  /** Relative to the destination, with `/`. */
  destination: string;
  /** Who produced it, for messages. */
  source: string;
  text?: string;
  /** Bytes to write as they are (the search index). */
  bytes?: Uint8Array;
  /** Absolute path of a file to copy byte for byte. */
  copyFrom?: string;
}

/** Resolve a destination path and refuse one that would leave the destination folder. */
export function insideDestination(root: string, relative: string): string {
  const target = path.resolve(root, `.${path.sep}${relative}`);
  if (target !== root && !target.startsWith(root + path.sep)) {
    throw new SiteError({
      message: `refusing to write outside the destination: ${relative}`,
      file: relative,
    });
  }
  return target;
}

export async function writeSite(
  destination: string,
  files: OutputFile[],
  keepFiles: string[],
): Promise<void> {
  const parent = path.dirname(destination);
  mkdirSync(parent, { recursive: true });
  const staging = path.join(parent, `.${path.basename(destination)}.tmp-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    const made = new Set<string>();
    const ensureDir = (dir: string) => {
      if (made.has(dir)) return;
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    };
    const copies: Promise<void>[] = [];
    for (const file of files) {
      const target = insideDestination(staging, file.destination);
      ensureDir(path.dirname(target));
      if (file.copyFrom) copies.push(copyFile(file.copyFrom, target));
      else writeFileSync(target, file.bytes ?? file.text ?? '');
    }
    await Promise.all(copies);
    for (const keep of keepFiles) {
      const from = path.join(destination, keep);
      if (!keep || !existsSync(from)) continue;
      const to = insideDestination(staging, keep);
      if (existsSync(to)) continue;
      ensureDir(path.dirname(to));
      renameSync(from, to);
    }
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  // Swap: the old site is moved aside first, so at every moment one whole site exists.
  // Named for this build alone: the last build's old site may still be being deleted.
  const old = path.join(
    parent,
    `.${path.basename(destination)}.old-${process.pid}-${(swaps++).toString(36)}`,
  );
  if (existsSync(destination)) renameSync(destination, old);
  renameSync(staging, destination);
  discardOldSites(parent, path.basename(destination));
}

let swaps = 0;

/**
 * Delete the sites moved aside (this build's, and any a killed build left) in a process of their
 * own: removing thousands of files is the slowest part of writing, and nothing waits for it.
 */
function discardOldSites(parent: string, base: string): void {
  const prefix = `.${base}.old-`;
  const old = readdirSync(parent)
    .filter((name) => name.startsWith(prefix))
    .map((name) => path.join(parent, name));
  if (old.length === 0) return;
  const script =
    'for (const dir of process.argv.slice(1)) require("fs").rmSync(dir, { recursive: true, force: true })';
  try {
    spawn(process.execPath, ['-e', script, ...old], { detached: true, stdio: 'ignore' }).unref();
  } catch {
    for (const dir of old) rmSync(dir, { recursive: true, force: true });
  }
}
