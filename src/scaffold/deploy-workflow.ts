/**
 * The GitHub Actions workflow that builds a site with scholarsite and publishes it to GitHub
 * Pages, and the copy of scholarsite it installs. scholarsite is not on the npm registry yet, so
 * `new` and `migrate` put this very scholarsite, packed as npm packs it, in the site's
 * `.github/scholarsite/`; the workflow installs that, and the registry's `scholarsite@VERSION`
 * once the folder is deleted.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const WORKFLOW_PATH = '.github/workflows/scholarsite.yml';
const VENDOR_FOLDER = '.github/scholarsite';

/** The package's own folder: `src/scaffold/` and the bundle's `dist/cli/` are both two folders below it. */
const PACKAGE_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export function deployWorkflow(version: string): string {
  return `# Builds the site with scholarsite and publishes it on GitHub Pages at every push to main,
# and weekly with fresh citation counts.
# Turn it on once: the repository's Settings → Pages → Build and deployment → Source: GitHub Actions.
name: Publish the site

on:
  push:
    branches: [main]
  schedule:
    - cron: '23 4 * * 1' # weekly, to refresh the citation counts
  workflow_dispatch:

permissions:
  contents: write # to commit refreshed citation counts
  pages: write
  id-token: write

concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - id: pages
        uses: actions/configure-pages@v5
      - name: Install scholarsite
        # The copy in ${VENDOR_FOLDER}/ if there is one, else the npm registry's.
        run: |
          if compgen -G "${VENDOR_FOLDER}/scholarsite-*.tgz" > /dev/null; then
            npm install --global --no-audit --no-fund ${VENDOR_FOLDER}/scholarsite-*.tgz
          else
            npm install --global --no-audit --no-fund scholarsite@${version}
          fi
      - name: Refresh citation counts
        # Counts from OpenAlex into _data/citations.yml, committed when they changed, so that the
        # last good counts stay in the repository: a failed fetch keeps them and never stops publishing.
        continue-on-error: true
        run: |
          scholarsite citations || echo "::warning::Citation counts were not refreshed; the last ones are kept."
          if [ -n "$(git status --porcelain -- _data/citations.yml)" ]; then
            git config user.name "github-actions[bot]"
            git config user.email "41898282+github-actions[bot]@users.noreply.github.com"
            git add _data/citations.yml
            git commit -m "Update citation counts"
            git push
          fi
      - name: Build with scholarsite
        run: scholarsite build --baseurl "\${{ steps.pages.outputs.base_path }}"
        env:
          JEKYLL_ENV: production
      - uses: actions/upload-pages-artifact@v3
        with:
          path: _site

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: \${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
`;
}

/** Write the workflow unless the site already has one at that path; true if written. */
export function writeDeployWorkflow(site: string, version: string): boolean {
  const file = path.join(site, WORKFLOW_PATH);
  if (existsSync(file)) return false;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, deployWorkflow(version));
  return true;
}

/**
 * Packs the running scholarsite into the site's `.github/scholarsite/` for the workflow to
 * install. Returns the file written (relative to the site), or a problem to tell the user.
 */
export function vendorScholarsite(site: string): { file?: string; problem?: string } {
  const folder = path.join(site, VENDOR_FOLDER);
  mkdirSync(folder, { recursive: true });
  // --ignore-scripts: the bundle in dist/ is what runs now; packing must not rebuild it.
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const packed = spawnSync(npm, ['pack', '--ignore-scripts', '--silent', '--pack-destination', folder], {
    cwd: PACKAGE_ROOT,
    encoding: 'utf8',
  });
  const name = readdirSync(folder).find((file) => /^scholarsite-.*\.tgz$/.test(file));
  if (packed.status !== 0 || !name) {
    const why = (packed.error?.message ?? packed.stderr ?? '').trim().split('\n')[0];
    return {
      problem: `Could not pack scholarsite into ${VENDOR_FOLDER}/ (${why || 'npm pack failed'}); the workflow will install scholarsite from the npm registry instead.`,
    };
  }
  return { file: `${VENDOR_FOLDER}/${name}` };
}
