import type { Rule } from '../rules.ts';

// Placeholder: replaced by the rule's implementation.
export const horizontalRule: Rule = { name: 'horizontalRule', start: /(?!)/, parse: () => false };
