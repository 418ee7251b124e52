import type { Rule } from '../rules.ts';

// Placeholder: replaced by the rule's implementation.
export const paragraph: Rule = { name: 'paragraph', start: /(?!)/, parse: () => false };
