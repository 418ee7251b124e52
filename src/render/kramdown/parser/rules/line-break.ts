import type { Rule } from '../rules.ts';

// Placeholder: replaced by the rule's implementation.
export const lineBreak: Rule = { name: 'lineBreak', start: /(?!)/, parse: () => false };
