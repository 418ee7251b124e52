/**
 * Writes theme/standalone/bibliography.css, the scoped stylesheet of `{% bibliography %}` on
 * sites with a theme of their own, from the built-in theme's Sass (run after changing it; a test
 * fails while the two differ).
 *   node --import tsx tools/bibliography-css.ts
 */
import { writeFileSync } from 'node:fs';
import { compileBibliographyCss, STANDALONE_CSS } from './bibliography-css-compile.ts';

writeFileSync(STANDALONE_CSS, await compileBibliographyCss());
