import type { Rule } from '../rules.ts';

// Placeholder: replaced by the rule's implementation.
export const table: Rule = { name: 'table', start: /(?!)/, parse: () => false };
