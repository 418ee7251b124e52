/**
 * Jekyll's `relative_url` and `absolute_url` (URLFilters), used by the filters of the same name,
 * by the plugins that call them from Ruby, and by `post_url`/`link`.
 */
import type { Config } from '../config/index.ts';

/** `Addressable::URI.parse(x).absolute?`: the text starts with a scheme. */
export function isAbsoluteUrl(input: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(input);
}

/** Jekyll's `relative_url` filter. */
export function relativeUrl(config: Config, input: unknown): string | undefined {
  if (input == null) return undefined;
  const text = String(input);
  if (isAbsoluteUrl(text)) return text;
  const baseurl = config.baseurl == null ? '' : String(config.baseurl).replace(/\/$/, '');
  return normalizeUrl([baseurl, text].map(ensureLeadingSlash).join(''));
}

/** Jekyll's `absolute_url` filter. */
export function absoluteUrl(config: Config, input: unknown): string | undefined {
  if (input == null) return undefined;
  const text = String(input);
  if (isAbsoluteUrl(text)) return text;
  const siteUrl = config.url;
  const relative = relativeUrl(config, text) ?? '';
  if (siteUrl == null || siteUrl === '') return relative;
  return normalizeUrl(String(siteUrl) + relative);
}

export function ensureLeadingSlash(input: string): string {
  return input === '' || input.startsWith('/') ? input : `/${input}`;
}

const UNRESERVED = 'A-Za-z0-9\\-._~';
const SUB_DELIMS = "!$&'()*+,;=";
const PCHAR = `${UNRESERVED}${SUB_DELIMS.replace(/[$()*+]/g, '\\$&')}:@`;
const PATH_CLASS = new RegExp(`[${PCHAR}/]`);
const QUERY_CLASS = new RegExp(`[${PCHAR.replace('&', '')}/?]`);
const FRAGMENT_CLASS = new RegExp(`[${PCHAR}/?]`);
const DEFAULT_PORTS: Record<string, string> = { http: '80', https: '443', ftp: '21' };

/**
 * `Addressable::URI#normalize` for the urls sites have: scheme and host lower-cased, default
 * port dropped, dot segments removed, each component percent-encoded the canonical way.
 */
export function normalizeUrl(url: string): string {
  const m = /^(?:([^:/?#]+):)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/s.exec(url);
  if (!m) return url;
  const [, rawScheme, rawAuthority, rawPath, query, fragment] = m;
  const scheme = rawScheme?.toLowerCase();
  let out = '';
  if (scheme) out += `${scheme}:`;
  if (rawAuthority !== undefined) {
    let authority = rawAuthority;
    const at = authority.lastIndexOf('@');
    const userinfo = at >= 0 ? authority.slice(0, at + 1) : '';
    let hostPort = at >= 0 ? authority.slice(at + 1) : authority;
    const port = /:(\d*)$/.exec(hostPort);
    if (port && (port[1] === '' || (scheme && DEFAULT_PORTS[scheme] === port[1])))
      hostPort = hostPort.slice(0, port.index);
    authority = userinfo + hostPort.toLowerCase();
    out += `//${authority}`;
  }
  let pathPart = removeDotSegments(encodeComponent(rawPath, PATH_CLASS, '/'));
  if (
    pathPart === '' &&
    rawAuthority !== undefined &&
    scheme &&
    ['http', 'https', 'ftp', 'tftp'].includes(scheme)
  ) {
    pathPart = '/';
  }
  out += pathPart;
  if (query !== undefined) {
    out += `?${query
      .split('&')
      .map((pair) => encodeComponent(pair, QUERY_CLASS, '+'))
      .join('&')}`;
  }
  if (fragment !== undefined) out += `#${encodeComponent(fragment, FRAGMENT_CLASS, '')}`;
  return out;
}

/** Decode `%XX` and re-encode every byte outside `allowed` (`leaveEncoded` stays encoded). */
function encodeComponent(text: string, allowed: RegExp, leaveEncoded: string): string {
  const bytes: { byte: number; encoded: boolean }[] = [];
  const raw = Buffer.from(text.normalize('NFC'), 'utf8');
  for (let i = 0; i < raw.length; i++) {
    if (
      raw[i] === 0x25 &&
      i + 2 < raw.length + 0 &&
      /^[0-9a-f]{2}$/i.test(raw.toString('latin1', i + 1, i + 3))
    ) {
      bytes.push({ byte: Number.parseInt(raw.toString('latin1', i + 1, i + 3), 16), encoded: true });
      i += 2;
    } else {
      bytes.push({ byte: raw[i], encoded: false });
    }
  }
  let out = '';
  for (const { byte, encoded } of bytes) {
    const char = String.fromCharCode(byte);
    const keepEncoded = encoded && leaveEncoded.includes(char);
    if (byte < 0x80 && allowed.test(char) && !keepEncoded) out += char;
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** RFC 3986 §5.2.4, as Addressable applies it. */
function removeDotSegments(input: string): string {
  if (!input.includes('.')) return input;
  let rest = input;
  const output: string[] = [];
  while (rest.length) {
    if (rest.startsWith('../')) rest = rest.slice(3);
    else if (rest.startsWith('./')) rest = rest.slice(2);
    else if (rest.startsWith('/./')) rest = rest.slice(2);
    else if (rest === '/.') rest = '/';
    else if (rest.startsWith('/../')) {
      rest = rest.slice(3);
      output.pop();
    } else if (rest === '/..') {
      rest = '/';
      output.pop();
    } else if (rest === '.' || rest === '..') rest = '';
    else {
      const m = /^\/?[^/]*/.exec(rest)!;
      output.push(m[0]);
      rest = rest.slice(m[0].length);
    }
  }
  return output.join('');
}
