import type { Rule } from '../rules.ts';

// Placeholder: replaced by the rule's implementation.
export const typographicSyms: Rule = { name: 'typographicSyms', start: /(?!)/, parse: () => false };
