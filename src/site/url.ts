/**
 * Jekyll's `URL`: fill a permalink template (`/:collection/:path/`) from placeholders, escape
 * what needs escaping, and sanitise the result (`..` can never climb out of the site).
 */

/** `URL.escape_path`: Addressable's encode, leaving plain paths alone. */
export function escapePath(value: string): string {
  if (value === '' || /^[a-zA-Z0-9./-]+$/.test(value)) return value;
  return encodeURI(value).replace(/%5B/g, '[').replace(/%5D/g, ']').replace('#', '%23');
}

export function unescapePath(value: string): string {
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** `URL#sanitize_url`: leading slash, `..` collapsed, `./` dropped, slashes squeezed. */
export function sanitizeUrl(url: string): string {
  return `/${url}`
    .replaceAll('..', '/')
    .replaceAll('./', '')
    .replace(/\/{2,}/g, '/');
}

export type Placeholders =
  | Record<string, string | undefined | null>
  | ((key: string) => string | undefined | null);

/**
 * `generate_url_from_hash` (pages: a nil placeholder removes `/:key`) and
 * `generate_url_from_drop` (documents: every `:key` must exist).
 */
export function fillTemplate(template: string, placeholders: Placeholders): string {
  if (typeof placeholders === 'function') {
    return template.replace(/:([a-z_]+)/g, (match, name: string) => {
      const pool = name.endsWith('_') ? [name, name.slice(0, -1)] : [name];
      for (const key of pool) {
        const value = placeholders(key);
        if (value !== undefined) return match.replace(`:${key}`, escapePath(value ?? ''));
      }
      throw new Error(
        `The URL template doesn't have ${pool.join(' or ')} keys. Check your permalink template!`,
      );
    });
  }
  let result = template;
  for (const [key, value] of Object.entries(placeholders)) {
    if (!result.includes(':')) break;
    result =
      value == null ? result.replaceAll(`/:${key}`, '') : result.replaceAll(`:${key}`, escapePath(value));
  }
  return result;
}

export function buildUrl(template: string, placeholders: Placeholders, permalink?: unknown): string {
  const source = typeof permalink === 'string' && permalink !== '' ? permalink : template;
  return sanitizeUrl(fillTemplate(source, placeholders));
}

/** `Utils.add_permalink_suffix`. */
export function addPermalinkSuffix(template: string, permalinkStyle: string): string {
  if (permalinkStyle === 'pretty') return `${template}/`;
  if (['date', 'ordinal', 'none'].includes(permalinkStyle)) return `${template}:output_ext`;
  let result = template;
  if (permalinkStyle.endsWith('/')) result += '/';
  if (permalinkStyle.endsWith(':output_ext')) result += ':output_ext';
  return result;
}
