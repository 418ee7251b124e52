import type { Rule } from '../rules.ts';

// Placeholder: replaced by the rule's implementation.
export const link: Rule = { name: 'link', start: /(?!)/, parse: () => false };
