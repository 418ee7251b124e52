// Placeholder: replaced by the GFM parts' implementation.
import type { Element } from '../../element.ts';
import type { KramdownOptions } from '../../options.ts';
import type { Parser } from '../parser.ts';

export function paragraphEndFor(_options: KramdownOptions): RegExp {
  return /(?!)/;
}
export function rawTextOf(_el: Element): string {
  return '';
}
export function updateElements(_p: Parser, _root: Element): void {}
