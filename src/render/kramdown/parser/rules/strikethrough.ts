import type { Rule } from '../rules.ts';

// Placeholder: replaced by the rule's implementation.
export const strikethroughGfm: Rule = { name: 'strikethroughGfm', start: /(?!)/, parse: () => false };
