import type { Rule } from '../rules.ts';

// Placeholder: replaced by the rule's implementation.
export const abbrevDefinition: Rule = { name: 'abbrevDefinition', start: /(?!)/, parse: () => false };
export function correctAbbreviationsAttributes(_p: import('../parser.ts').Parser): void {}
export function replaceAbbreviations(
  _p: import('../parser.ts').Parser,
  _el: import('../../element.ts').Element,
): void {}
