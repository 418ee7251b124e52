import type { Rule } from '../rules.ts';

// Placeholder: replaced by the rule's implementation.
export const emphasis: Rule = { name: 'emphasis', start: /(?!)/, parse: () => false };
