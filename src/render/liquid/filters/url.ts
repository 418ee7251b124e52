/** Jekyll's URL filters and Liquid's URL encoders. */
import { absoluteUrl, relativeUrl } from '../../../site/site-urls.ts';

/** Ruby's `CGI.escape`: space as `+`, everything but `a-zA-Z0-9_.-~` percent-encoded. */
export function cgiEscape(input: unknown): string {
  return encodeURIComponent(String(input ?? ''))
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

/** `Addressable::URI.normalize_component`: reserved characters stay, the rest is encoded. */
export function uriEscape(input: unknown): string {
  return String(input ?? '').replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@/?#[\]%]|%(?![0-9A-Fa-f]{2})/gu, (c) =>
    encodeURIComponent(c),
  );
}

export function urlFilters(config: Record<string, unknown>) {
  return {
    relative_url: (input: unknown) => relativeUrl(config, input) ?? input,
    absolute_url: (input: unknown) => absoluteUrl(config, input) ?? input,
    cgi_escape: cgiEscape,
    uri_escape: uriEscape,
    url_encode: (input: unknown) => (input == null ? input : cgiEscape(input)),
    url_decode: (input: unknown) =>
      input == null ? input : decodeURIComponent(String(input).replace(/\+/g, ' ')),
  };
}
