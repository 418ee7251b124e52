/** Whether any file in these include folders (subfolders too) has text that passes `test`. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function someIncludeFile(folders: string[], test: (text: string) => boolean): boolean {
  return folders.some(
    (folder) =>
      existsSync(folder) &&
      readdirSync(folder, { recursive: true, withFileTypes: true }).some(
        (entry) => entry.isFile() && test(readFileSync(path.join(entry.parentPath, entry.name), 'utf8')),
      ),
  );
}
