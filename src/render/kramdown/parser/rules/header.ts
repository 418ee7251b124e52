import type { Rule } from '../rules.ts';

// Placeholder: replaced by the rule's implementation.
export const atxHeaderGfm: Rule = { name: 'atxHeaderGfm', start: /(?!)/, parse: () => false };
export const atxHeaderGfmQuirk: Rule = { name: 'atxHeaderGfmQuirk', start: /(?!)/, parse: () => false };
export const setextHeader: Rule = { name: 'setextHeader', start: /(?!)/, parse: () => false };
