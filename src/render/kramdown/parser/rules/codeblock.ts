import type { Rule } from '../rules.ts';

// Placeholder: replaced by the rule's implementation.
export const codeblock: Rule = { name: 'codeblock', start: /(?!)/, parse: () => false };
export const codeblockFencedGfm: Rule = { name: 'codeblockFencedGfm', start: /(?!)/, parse: () => false };
