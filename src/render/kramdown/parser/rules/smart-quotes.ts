import type { Rule } from '../rules.ts';

// Placeholder: replaced by the rule's implementation.
export const smartQuotes: Rule = { name: 'smartQuotes', start: /(?!)/, parse: () => false };
