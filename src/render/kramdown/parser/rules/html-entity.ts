import type { Rule } from '../rules.ts';

// Placeholder: replaced by the rule's implementation.
export const htmlEntity: Rule = { name: 'htmlEntity', start: /(?!)/, parse: () => false };
