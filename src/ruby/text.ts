/**
 * Ruby's text helpers as Liquid and Jekyll use them: escaping for HTML and XML, stripping tags,
 * folding whitespace. Filters and plugins share them.
 */

const XML_ATTR_ESCAPE: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Jekyll's `xml_escape`: `String#encode(xml: :attr)` without the surrounding quotes. */
export function xmlEscape(input: unknown): string {
  if (input == null) return '';
  return String(input).replace(/[&<>"']/g, (c) => XML_ATTR_ESCAPE[c]);
}

const HTML_ESCAPE: Record<string, string> = {
  '&': '&amp;',
  '>': '&gt;',
  '<': '&lt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Liquid's `escape` (`CGI.escapeHTML`). */
export function escapeHtml(input: unknown): unknown {
  return input == null ? input : String(input).replace(/[&><"']/g, (c) => HTML_ESCAPE[c]);
}

/** Liquid's `escape_once`: entities already written (`&quot;`, `&#39;`) are left alone. */
export function escapeOnce(input: unknown): unknown {
  return input == null
    ? input
    : String(input).replace(/["><']|&(?!([a-zA-Z]+|(#\d+));)/g, (c) => HTML_ESCAPE[c]);
}

/** Liquid's `strip_html`. */
export function stripHtml(input: string): string {
  return input.replace(/<script.*?<\/script>|<!--.*?-->|<style.*?<\/style>/gs, '').replace(/<.*?>/gs, '');
}

/** Jekyll's `normalize_whitespace`: Ruby's `\s` (ASCII whitespace only, never a no-break space). */
export function normalizeWhitespace(input: string): string {
  return input.replace(/[ \t\r\n\f\v]+/g, ' ').replace(/^[ \t\r\n\f\v\0]+|[ \t\r\n\f\v\0]+$/g, '');
}
