/** The scoped bibliography stylesheet, compiled from theme/standalone/bibliography.scss. */
import path from 'node:path';
import * as sass from 'sass-embedded';

const theme = path.resolve(import.meta.dirname, '../theme');
export const STANDALONE_CSS = path.join(theme, 'standalone/bibliography.css');

export async function compileBibliographyCss(): Promise<string> {
  const result = await sass.compileAsync(path.join(theme, 'standalone/bibliography.scss'), {
    loadPaths: [path.join(theme, '_sass')],
    style: 'expanded',
  });
  return `${result.css}\n`;
}
