/**
 * Writing only what changed, in place (serve's rebuilds, `-I`): each changed output is written
 * beside its target and renamed over it, so a reader (the dev server) sees the old file or the
 * new one, never a torn one; outputs the site no longer has are deleted. Nothing is written
 * outside the destination.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { insideDestination, type OutputFile, writeProblem } from './writer.ts';

/** Write `changed` into the destination `root` and delete `gone` (paths relative to it, with `/`). */
export async function writeInPlace(
  root: string,
  changed: OutputFile[],
  gone: Iterable<string>,
): Promise<void> {
  try {
    const copies: Promise<void>[] = [];
    for (const file of changed) {
      const target = insideDestination(root, file.destination);
      mkdirSync(path.dirname(target), { recursive: true });
      const temporary = `${target}.scholarsite-${process.pid}`;
      if (file.copyFrom)
        copies.push(copyFile(file.copyFrom, temporary).then(() => renameSync(temporary, target)));
      else {
        writeFileSync(temporary, file.bytes ?? file.text ?? '');
        renameSync(temporary, target);
      }
    }
    await Promise.all(copies);
    for (const destination of gone) rmSync(insideDestination(root, destination), { force: true });
  } catch (error) {
    throw writeProblem(error, root);
  }
}
