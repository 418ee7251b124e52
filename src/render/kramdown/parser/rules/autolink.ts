import type { Rule } from '../rules.ts';

// Placeholder: replaced by the rule's implementation.
export const autolink: Rule = { name: 'autolink', start: /(?!)/, parse: () => false };
