/**
 * Writing `_site`: everything goes into a fresh folder beside the destination, which is then
 * swapped in, so a failed or killed build leaves the previous site whole. `keep_files` are
 * carried over from the old site. Nothing is ever written outside the destination.
 */

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
  try {
    await replaceSite(destination, files, keepFiles);
  } catch (error) {
    throw writeProblem(error, destination);
  }
}

/** A full disk or a folder that may not be written is the user's to fix: said so, not a crash. */
export function writeProblem(error: unknown, destination: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG') {
    return new SiteError({
      message: 'the disk is full: the new site could not be written here',
      file: destination,
      hint: 'Free some disk space, then build again. The previous site was not touched.',
    });
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new SiteError({
      message: 'the site may not be written here (permission denied)',
      file: destination,
      hint: 'Choose a destination folder you can write to (-d), or fix the permissions of this one.',
    });
  }
  return error;
}

async function replaceSite(destination: string, files: OutputFile[], keepFiles: string[]): Promise<void> {
  const parent = path.dirname(destination);
  mkdirSync(parent, { recursive: true });
  restoreInterruptedSwap(destination);
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
  // Swap: the old site is moved aside, then the new one takes its name. Killed between the two
  // renames, the old site waits under its `.old-` name and the next build puts it back.
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
 * A build killed between the swap's two renames left no site but the old one aside: put it back.
 * Every build does this first, so the site is back even if that build then fails.
 */
export function restoreInterruptedSwap(destination: string): void {
  if (existsSync(destination)) return;
  const parent = path.dirname(destination);
  const base = path.basename(destination);
  if (!existsSync(parent)) return;
  const newest = readdirSync(parent)
    .filter((name) => name.startsWith(`.${base}.old-`))
    .map((name) => path.join(parent, name))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  if (newest) renameSync(newest, destination);
}

/**
 * Delete the sites moved aside (this build's, and any a killed build left) in a process of their
 * own: removing thousands of files is the slowest part of writing, and nothing waits for it.
 * They are renamed `.trash-` first, so an old site being deleted is never taken for one to restore.
 */
function discardOldSites(parent: string, base: string): void {
  for (const name of readdirSync(parent)) {
    if (name.startsWith(`.${base}.old-`))
      renameSync(path.join(parent, name), path.join(parent, name.replace('.old-', '.trash-')));
  }
  const old = readdirSync(parent)
    .filter((name) => name.startsWith(`.${base}.trash-`))
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
