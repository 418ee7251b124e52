import type { Rule } from '../rules.ts';

// Placeholder: replaced by the rule's implementation.
export const eobMarker: Rule = { name: 'eobMarker', start: /(?!)/, parse: () => false };
