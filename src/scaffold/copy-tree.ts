/** Copying a site folder for `new` and `migrate`: never over an existing file, never through a link. */
import { constants, copyFileSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { SiteError } from '../errors.ts';

/** Refuse a destination that holds anything: `new` and `migrate` never overwrite a user's files. */
export function checkEmptyDestination(dest: string): void {
  let entries: string[];
  try {
    entries = readdirSync(dest);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    if (code === 'ENOTDIR') {
      throw new SiteError({
        message: 'this is a file, not a folder',
        file: dest,
        hint: 'Choose a new folder name.',
      });
    }
    throw error;
  }
  if (entries.length > 0) {
    throw new SiteError({
      message: `the folder is not empty (it has ${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', …' : ''})`,
      file: dest,
      hint: 'Choose a new folder name; scholarsite never writes over files that are already there.',
    });
  }
}

/**
 * Copy `from` into `to`, file by file. `skip(relative, isDirectory)` leaves an entry out;
 * symbolic links are left out too (they may point anywhere). Returns the files copied.
 */
export function copyTree(
  from: string,
  to: string,
  skip: (relative: string, isDirectory: boolean) => boolean,
): string[] {
  const copied: string[] = [];
  const walk = (relative: string) => {
    mkdirSync(path.join(to, relative), { recursive: true });
    for (const name of readdirSync(path.join(from, relative)).sort()) {
      const child = relative ? `${relative}/${name}` : name;
      const stat = lstatSync(path.join(from, child));
      if (stat.isSymbolicLink() || skip(child, stat.isDirectory())) continue;
      if (stat.isDirectory()) walk(child);
      else if (stat.isFile()) {
        copyFileSync(path.join(from, child), path.join(to, child), constants.COPYFILE_EXCL);
        copied.push(child);
      }
    }
  };
  walk('');
  return copied;
}
