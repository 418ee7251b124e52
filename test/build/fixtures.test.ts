/**
 * Each fixture site, built by scholarsite, against what Jekyll 4.3 wrote for it (the goldens in
 * test/fixtures/sites/*.golden, made by `npm run goldens`).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describe, differencesFromGolden, VARIANTS } from '../support/golden.ts';

for (const variant of Object.keys(VARIANTS)) {
  test(`fixture site "${variant}" builds as Jekyll builds it`, async () => {
    const differences = await differencesFromGolden(variant);
    assert.equal(differences.length, 0, `differences from Jekyll's output:\n${describe(differences)}`);
  });
}
