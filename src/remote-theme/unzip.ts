/**
 * The files of a zip archive as GitHub's codeload serves a repository: one top folder
 * (`repo-ref/`), stored or deflated entries. That folder is dropped, as jekyll-remote-theme
 * drops it; entries that would land outside the target, folders and symbolic links are skipped.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const SYMBOLIC_LINK = 0o120000;

class BadZip extends Error {}

/** Write the archive's files under `target`; returns how many were written. */
export function unzip(zip: Buffer, target: string): number {
  const end = findEnd(zip);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  let written = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL_FILE_HEADER)
      throw new BadZip('its list of files is damaged');
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const mode = zip.readUInt32LE(at + 38) >>> 16;
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;

    const inside = name.split('/').slice(1).join('/');
    if (!inside || name.endsWith('/') || (mode & 0o170000) === SYMBOLIC_LINK) continue;
    const destination = path.resolve(target, inside);
    if (!destination.startsWith(path.resolve(target) + path.sep)) continue;
    if (zip.readUInt32LE(local) !== LOCAL_FILE_HEADER) throw new BadZip(`the entry ${name} is damaged`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + compressedSize);
    let bytes: Buffer;
    if (method === 0) bytes = data;
    else if (method === 8) bytes = inflateRawSync(data);
    else
      throw new BadZip(`the entry ${name} is compressed in a way scholarsite cannot read (method ${method})`);
    mkdirSync(path.dirname(destination), { recursive: true });
    writeFileSync(destination, bytes);
    written++;
  }
  return written;
}

function findEnd(zip: Buffer): number {
  // The end record is the last 22 bytes, unless an archive comment (up to 64 KiB) follows it.
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  throw new BadZip('it is not a zip archive');
}
