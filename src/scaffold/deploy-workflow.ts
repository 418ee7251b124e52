/** The GitHub Actions workflow that builds a site with scholarsite and publishes it to GitHub Pages. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const WORKFLOW_PATH = '.github/workflows/scholarsite.yml';

export function deployWorkflow(version: string): string {
  return `# Builds the site with scholarsite and publishes it on GitHub Pages at every push to main.
# Turn it on once: the repository's Settings → Pages → Build and deployment → Source: GitHub Actions.
name: Publish the site

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read
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
      - name: Build with scholarsite
        run: npx --yes scholarsite@${version} build --baseurl "\${{ steps.pages.outputs.base_path }}"
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
