import type { Rule } from '../rules.ts';

// Placeholder: replaced by the rule's implementation.
export const blockMath: Rule = { name: 'blockMath', start: /(?!)/, parse: () => false };
export const inlineMath: Rule = { name: 'inlineMath', start: /(?!)/, parse: () => false };
