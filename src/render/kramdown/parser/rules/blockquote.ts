import type { Rule } from '../rules.ts';

// Placeholder: replaced by the rule's implementation.
export const blockquote: Rule = { name: 'blockquote', start: /(?!)/, parse: () => false };
