import type { Rule } from '../rules.ts';

// Placeholder: replaced by the rule's implementation.
export const escapedCharsGfm: Rule = { name: 'escapedCharsGfm', start: /(?!)/, parse: () => false };
