/** `scholarsite --help`: every command and option. */

const HELP = `scholarsite — academic homepages, built like Jekyll builds them, without Ruby.

Usage:
  scholarsite build [options]     Build the site into the destination folder
  scholarsite serve [options]     Build, serve at http://localhost:4000, rebuild and reload on save
  scholarsite new DIR             Start a new site in DIR from the starter site (built-in theme)
  scholarsite migrate SRC DEST    Copy the academicpages site SRC to DEST on the built-in theme
                                  (both add a publishing workflow and, in .github/scholarsite/, the
                                  scholarsite it installs; --no-vendor: install it from npm instead)
  scholarsite import tsv FILE     Write _publications/ or _talks/ from academicpages' publications.tsv / talks.tsv
  scholarsite import bibtex FILE  Write _publications/ from a .bib file (-s SITE; --force replaces edited files)
  scholarsite cv --pdf            Print the CV page to a PDF with Chromium (-s SITE, -o cv.pdf, --page /cv/)
  scholarsite talkmap --geocode   Look up the places of talks for the talk map (-s SITE; needs the internet)
  scholarsite check [options]     Build to a temporary folder; check links, images, HTML (-s SITE, --external, --timeout S, --json)
  scholarsite --help | --version

Build options (as in \`jekyll build\`):
  -s, --source DIR          Site folder (default: .)
  -d, --destination DIR     Output folder (default: SOURCE/_site)
      --config A.yml,B.yml  Config files; later ones override earlier ones (default: _config.yml)
  -b, --baseurl URL         Serve the site from this path (overrides baseurl)
  -D, --drafts              Render posts in _drafts
      --future              Publish posts and documents dated in the future
      --unpublished         Render documents with published: false
      --strict              Treat warnings (bad front matter, missing layouts…) as errors
      --profile             Print where the time went, per template and per stage
      --disable-disk-cache  Keep nothing in .jekyll-cache: render and compile everything
  -I, --incremental         Write only the files that changed, in place, not a whole new site
      --github-pages        Build as GitHub Pages publishes (its defaults, overrides, always-on plugins)
      --no-github-pages     Build as plain Jekyll 4.3 (default: GitHub Pages when the Gemfile names
                            github-pages and no workflow builds the site another way)
  -q, --quiet               Print only errors and warnings
  -V, --verbose             Print more about what is happening

Serve options (as in \`jekyll serve\`, plus all build options):
  -H, --host HOST           Listen on this address (default: 127.0.0.1, this machine only)
  -P, --port PORT           Listen on this port (default: 4000; 0 picks a free one)
  -o, --open                Open the site in the browser
      --no-livereload       Do not reload pages when the site is rebuilt
  -l, --livereload, -I, --incremental
                            Accepted for Jekyll's sake: both are always on

Environment:
  JEKYLL_ENV                jekyll.environment in templates (default: development)
  SCHOLARSITE_THEME_CACHE   Where themes fetched from GitHub are kept (default: ~/.cache/scholarsite/themes)
  SCHOLARSITE_THEME_URL     Where themes are fetched from (default: https://codeload.github.com)
`;

/** Print the help; exit code 0. */
export function showHelp(): number {
  process.stdout.write(HELP);
  return 0;
}
