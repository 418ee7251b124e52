import type { Rule } from '../rules.ts';

// Placeholder: replaced by the rule's implementation.
export const blockHtml: Rule = { name: 'blockHtml', start: /(?!)/, parse: () => false };
export const spanHtml: Rule = { name: 'spanHtml', start: /(?!)/, parse: () => false };
