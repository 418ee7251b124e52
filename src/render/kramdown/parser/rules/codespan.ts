import type { Rule } from '../rules.ts';

// Placeholder: replaced by the rule's implementation.
export const codespan: Rule = { name: 'codespan', start: /(?!)/, parse: () => false };
