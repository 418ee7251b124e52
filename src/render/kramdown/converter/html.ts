// Placeholder: replaced by the HTML converter.
import type { Element } from '../element.ts';
import type { KramdownOptions } from '../options.ts';

export function convertHtml(_root: Element, _options: KramdownOptions): { html: string; warnings: string[] } {
  return { html: '', warnings: [] };
}
