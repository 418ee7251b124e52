/** Ruby's escaping of text for XML. */

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
