import type { Rule } from '../rules.ts';

// Placeholder: replaced by the rule's implementation.
export const blankLine: Rule = { name: 'blankLine', start: /(?!)/, parse: () => false };
