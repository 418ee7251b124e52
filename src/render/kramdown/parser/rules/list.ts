import type { Rule } from '../rules.ts';

// Placeholder: replaced by the rule's implementation.
export const list: Rule = { name: 'list', start: /(?!)/, parse: () => false };
export const definitionList: Rule = { name: 'definitionList', start: /(?!)/, parse: () => false };
