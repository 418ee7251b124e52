/**
 * A stand-in for GitHub's codeload on 127.0.0.1: `/OWNER/REPO/zip/REF` answers with a zip of a
 * fixture theme folder, laid out as codeload lays it out (one top folder, `REPO-REF/`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';

export interface ThemeServer {
  /** `http://127.0.0.1:PORT`, for SCHOLARSITE_THEME_URL. */
  url: string;
  /** The paths asked for, in order. */
  requests: string[];
  /** The next `count` requests are answered `status` (a busy GitHub), or cut off with status 0. */
  failNext(count: number, status: number): void;
  close(): Promise<void>;
}

/** `themes`: `owner/repo/ref` → the folder to serve as that ref's zip. */
export async function startThemeServer(themes: Record<string, string>): Promise<ThemeServer> {
  const requests: string[] = [];
  const failures: number[] = [];
  const server: Server = createServer((request, response) => {
    requests.push(request.url ?? '');
    const failure = failures.shift();
    if (failure === 0) {
      request.socket.destroy();
      return;
    }
    if (failure !== undefined) {
      response.writeHead(failure, { 'Retry-After': '0' }).end('busy');
      return;
    }
    const m = /^\/([^/]+)\/([^/]+)\/zip\/([^/]+)$/.exec(request.url ?? '');
    const folder = m && themes[`${m[1]}/${m[2]}/${m[3]}`];
    if (!m || !folder) {
      response.writeHead(404).end('404: Not Found');
      return;
    }
    response.writeHead(200, { 'Content-Type': 'application/zip' });
    response.end(zipFolder(folder, `${m[2]}-${m[3].replace(/^v/, '')}`));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    failNext: (count, status) => failures.push(...Array<number>(count).fill(status)),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A zip of every file under `folder`, inside `top/`, deflated as codeload does. */
export function zipFolder(folder: string, top: string): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  const files = listFiles(folder);
  for (const relative of files) {
    const data = readFileSync(path.join(folder, relative));
    const packed = deflateRawSync(data);
    const name = Buffer.from(`${top}/${relative}`);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(0x031e, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function listFiles(root: string, dir = ''): string[] {
  return readdirSync(path.join(root, dir))
    .sort()
    .flatMap((entry) => {
      const relative = dir ? `${dir}/${entry}` : entry;
      return statSync(path.join(root, relative)).isDirectory() ? listFiles(root, relative) : [relative];
    });
}
