/** Jekyll's URL filters and Liquid's URL encoders. */
import { RubyFloat } from '../../../ruby/values.ts';
import { absoluteUrl, relativeUrl } from '../../../site/site-urls.ts';

/** Ruby's `CGI.escape`: space as `+`, everything but `a-zA-Z0-9_.-~` percent-encoded. */
function cgiEscape(input: unknown): string {
  return encodeURIComponent(String(input))
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

/** `Addressable::URI.normalize_component`: reserved characters stay, the rest is encoded. */
export function uriEscape(input: unknown): string {
  return String(input ?? '').replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@/?#[\]%]|%(?![0-9A-Fa-f]{2})/gu, (c) =>
    encodeURIComponent(c),
  );
}

/** Ruby's class name of a plain value, for TypeError messages. */
function rubyClassOf(value: unknown): string {
  if (value instanceof RubyFloat) return 'Float';
  if (typeof value === 'number') return Number.isInteger(value) ? 'Integer' : 'Float';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return Array.isArray(value) ? 'Array' : 'Object';
}

export function urlFilters(config: Record<string, unknown>) {
  return {
    relative_url: (input: unknown) => relativeUrl(config, input) ?? input,
    absolute_url: (input: unknown) => absoluteUrl(config, input) ?? input,
    // Jekyll's `CGI.escape(input)` takes text only: nil, a number or a list stop the build.
    cgi_escape: (input: unknown) => {
      if (
        typeof input !== 'string' &&
        (input == null || typeof input !== 'object' || Array.isArray(input) || input instanceof RubyFloat)
      )
        throw new Error(
          `no implicit conversion of ${input == null ? 'nil' : rubyClassOf(input)} into String`,
        );
      return cgiEscape(input);
    },
    uri_escape: uriEscape,
    url_encode: (input: unknown) => (input == null ? input : cgiEscape(input)),
    url_decode: (input: unknown) =>
      input == null ? input : decodeURIComponent(String(input).replace(/\+/g, ' ')),
  };
}
