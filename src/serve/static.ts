/**
 * Answering a request from the built site the way GitHub Pages does: `index.html` for folders
 * (a folder without its slash is redirected to it), `/about` finds `/about.html`, the site's
 * own `404.html` with status 404, the `baseurl` prefix, HEAD, ETag and Last-Modified.
 *
 * Nothing outside the destination is ever sent: the path is decoded segment by segment and
 * refused (400) when a segment is `..` or hides a separator or NUL in any encoding, and a file
 * whose real path (symlinks followed) leaves the destination is not found.
 */
import { readFileSync, realpathSync, type Stats, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { contentType } from 'mime-types';

export interface SiteFiles {
  /** The built site (absolute). */
  root: string;
  /** `baseurl`, `''` or `/blog`. */
  baseurl: string;
  /** Change an HTML page before sending it (the live-reload script goes in here). */
  transformHtml?(html: string): string;
}

type Found = { kind: 'file'; file: string; stats: Stats } | { kind: 'redirect'; location: string };

export function serveSiteFile(request: IncomingMessage, response: ServerResponse, site: SiteFiles): void {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('Method not allowed\n');
    return;
  }
  const rawPath = (request.url ?? '/').split('?')[0].split('#')[0];
  const segments = decodeSegments(rawPath);
  if (!segments) {
    response.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('Bad request\n');
    return;
  }
  const base = site.baseurl.replace(/\/+$/, '');
  const baseSegments = base ? base.split('/').filter(Boolean) : [];
  const underBase = baseSegments.every((segment, i) => segments[i] === segment);
  if (!underBase) {
    // The site lives under its baseurl, as on GitHub Pages; the bare root leads there.
    if (segments.length === 0 || (segments.length === 1 && segments[0] === '')) {
      redirect(response, `${base}/`);
      return;
    }
    notFound(request, response, site);
    return;
  }
  const found = find(site.root, segments.slice(baseSegments.length), rawPath);
  if (!found) notFound(request, response, site);
  else if (found.kind === 'redirect') redirect(response, found.location);
  else send(request, response, site, found.file, found.stats, 200);
}

/**
 * The path a request asks for. RFC 9112 (3.2.2) says a server must accept the absolute-form
 * (`GET http://host/about/`, what proxies are sent) as well as the usual `/about/`; the host
 * named in it changes nothing, since this server only ever serves this site.
 */
export function originForm(target: string): string {
  const absolute = /^https?:\/\/[^/?#]*/i.exec(target);
  if (!absolute) return target;
  const rest = target.slice(absolute[0].length);
  return rest.startsWith('/') ? rest : `/${rest}`;
}

/** Path segments, decoded; undefined when one is a way out (`..`, `%2e%2e`, `%2f`, `\`, NUL). */
function decodeSegments(rawPath: string): string[] | undefined {
  if (!rawPath.startsWith('/')) return undefined;
  const segments: string[] = [];
  for (const raw of rawPath.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (segment === '..' || segment === '.' || /[/\\\0]/.test(segment)) return undefined;
    segments.push(segment);
  }
  // `/a//b` is `/a/b`; a trailing slash is kept as a last empty segment.
  return segments.filter((segment, i) => segment !== '' || i === segments.length - 1);
}

function find(root: string, segments: string[], rawPath: string): Found | undefined {
  const wantsFolder = segments.length === 0 || segments[segments.length - 1] === '';
  const target = path.join(root, ...segments);
  const stats = statInside(root, target);
  if (stats?.isFile() && !wantsFolder) return { kind: 'file', file: target, stats };
  if (stats?.isDirectory()) {
    // One leading slash: `//about` is the folder `about`, but a Location of `//about/` would send
    // the browser to the host `about` (an open redirect, as in serve-static's CVE-2015-1164).
    if (!wantsFolder) return { kind: 'redirect', location: `${rawPath.replace(/^\/+/, '/')}/` };
    const index = path.join(target, 'index.html');
    const indexStats = statInside(root, index);
    if (indexStats?.isFile()) return { kind: 'file', file: index, stats: indexStats };
    return undefined;
  }
  if (!wantsFolder) {
    const html = `${target}.html`;
    const htmlStats = statInside(root, html);
    if (htmlStats?.isFile()) return { kind: 'file', file: html, stats: htmlStats };
  }
  return undefined;
}

/** Stats of a file whose real path is inside the root; undefined otherwise. */
function statInside(root: string, file: string): Stats | undefined {
  try {
    const real = realpathSync(file);
    const realRoot = realpathSync(root);
    if (real !== realRoot && !real.startsWith(realRoot + path.sep)) return undefined;
    return statSync(real);
  } catch {
    return undefined;
  }
}

function notFound(request: IncomingMessage, response: ServerResponse, site: SiteFiles): void {
  const page = path.join(site.root, '404.html');
  const stats = statInside(site.root, page);
  if (stats?.isFile()) {
    send(request, response, site, page, stats, 404);
    return;
  }
  response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(request.method === 'HEAD' ? undefined : 'Not found\n');
}

function redirect(response: ServerResponse, location: string): void {
  response.writeHead(301, { Location: location, 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(`Moved to ${location}\n`);
}

function send(
  request: IncomingMessage,
  response: ServerResponse,
  site: SiteFiles,
  file: string,
  stats: Stats,
  status: number,
): void {
  const type = contentType(path.extname(file) || '.txt') || 'application/octet-stream';
  const isHtml = type.startsWith('text/html');
  // The page as sent includes the live-reload script, so the tag says so.
  const etag = `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}${isHtml && site.transformHtml ? '-r' : ''}"`;
  const headers: Record<string, string> = {
    'Content-Type': type,
    'Cache-Control': 'no-cache',
    'Last-Modified': stats.mtime.toUTCString(),
    ETag: etag,
  };
  if (status === 200 && isFresh(request, etag, stats)) {
    response.writeHead(304, headers);
    response.end();
    return;
  }
  let body: Buffer;
  try {
    body = readFileSync(file);
  } catch {
    // Replaced between stat and read (a rebuild): the client may simply retry.
    response.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '1' });
    response.end('The site is being rebuilt; try again.\n');
    return;
  }
  if (isHtml && site.transformHtml) body = Buffer.from(site.transformHtml(body.toString('utf8')));
  headers['Content-Length'] = String(body.length);
  response.writeHead(status, headers);
  response.end(request.method === 'HEAD' ? undefined : body);
}

function isFresh(request: IncomingMessage, etag: string, stats: Stats): boolean {
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch) return ifNoneMatch.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*');
  const ifModifiedSince = request.headers['if-modified-since'];
  if (ifModifiedSince) {
    const since = Date.parse(ifModifiedSince);
    return !Number.isNaN(since) && Math.floor(stats.mtimeMs / 1000) * 1000 <= since;
  }
  return false;
}
