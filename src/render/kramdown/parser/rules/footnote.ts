import type { Rule } from '../rules.ts';

// Placeholder: replaced by the rule's implementation.
export const footnoteDefinition: Rule = { name: 'footnoteDefinition', start: /(?!)/, parse: () => false };
export const footnoteMarker: Rule = { name: 'footnoteMarker', start: /(?!)/, parse: () => false };
