import type { Rule } from '../rules.ts';

// Placeholder: replaced by the rule's implementation.
export const linkDefinition: Rule = { name: 'linkDefinition', start: /(?!)/, parse: () => false };
