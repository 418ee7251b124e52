/** `scholarsite new DIR`: the starter site, ready to edit, with a workflow that publishes it. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkEmptyDestination, copyTree } from './copy-tree.ts';
import { vendorScholarsite, writeDeployWorkflow } from './deploy-workflow.ts';

/** `src/scaffold/` and the bundle in `dist/cli/` are both two folders below the package, beside `examples/`. */
const STARTER_SITE = fileURLToPath(new URL('../../examples/starter', import.meta.url));

/** What a build leaves in the starter that a new site must not get. */
const BUILD_LEFTOVERS = new Set(['_site', '.jekyll-cache', '.sass-cache', '.jekyll-metadata']);

export interface NewSiteResult {
  files: string[];
  /** Why the packed scholarsite the workflow installs could not be written, if it could not. */
  problem?: string;
}

export function newSite(dest: string, version: string, { vendor = true } = {}): NewSiteResult {
  const target = path.resolve(dest);
  checkEmptyDestination(target);
  const files = copyTree(STARTER_SITE, target, (relative) => BUILD_LEFTOVERS.has(relative.split('/')[0]));
  if (writeDeployWorkflow(target, version)) files.push('.github/workflows/scholarsite.yml');
  const vendored = vendor ? vendorScholarsite(target) : {};
  if (vendored.file) files.push(vendored.file);
  return { files, problem: vendored.problem };
}
