import type { Rule } from '../rules.ts';

// Placeholder: replaced by the rule's implementation.
export const blockExtensions: Rule = { name: 'blockExtensions', start: /(?!)/, parse: () => false };
export const spanExtensions: Rule = { name: 'spanExtensions', start: /(?!)/, parse: () => false };
