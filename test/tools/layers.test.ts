import assert from 'node:assert/strict';
import { test } from 'node:test';
import { layerOf, valueImports } from '../../tools/layers.ts';

test('layers: type-only imports are left out, every other kind of import is counted', () => {
  const text = [
    "import type { Site } from '../site/site.ts';",
    "import { type Config, type Options } from '../config/index.ts';",
    "import { type Page, pageWithoutAFile } from '../site/page-without-a-file.ts';",
    "import path from 'node:path';",
    "export { version } from './version.ts';",
    "export type { Pager } from './site/pager.ts';",
    'import {',
    '  a,',
    '  type B,',
    "} from './multi-line.ts';",
    "import * as ruby from './ruby/values.ts';",
    "import './side-effect.ts';",
    "const lazy = await import('./lazy.ts');",
    "// a comment saying import x from './not-code.ts' is no import",
  ].join('\n');
  assert.deepEqual(valueImports(text).sort(), [
    '../site/page-without-a-file.ts',
    './lazy.ts',
    './multi-line.ts',
    './ruby/values.ts',
    './side-effect.ts',
    './version.ts',
    'node:path',
  ]);
});

test('layers: Ruby semantics are the bottom layer and the commands sit under cli', () => {
  assert.equal(layerOf('ruby/time.ts'), 0);
  assert.ok(layerOf('errors.ts') > layerOf('ruby/values.ts'));
  assert.ok(layerOf('serve/index.ts') < layerOf('cli/main.ts'));
  assert.ok(layerOf('site/document.ts') < layerOf('render/renderer.ts'));
  assert.throws(() => layerOf('elsewhere.ts'), /src\/elsewhere\.ts is in no layer/);
});
