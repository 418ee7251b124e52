// The search page: the Pagefind index written with the site, queried in the browser (nothing
// leaves the site). Results update as you type; the address keeps the query (?q=…).
const form = document.querySelector('.search-form');
const input = document.getElementById('search-input');
const status = document.getElementById('search-status');
const results = document.getElementById('search-results');

const escapeHtml = (text) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

let pagefind;
try {
  pagefind = await import(`${form.dataset.pagefind}pagefind.js`);
} catch {
  status.textContent = status.dataset.unavailable;
}

let latest = 0;
async function run(query) {
  const ticket = ++latest;
  const url = new URL(window.location.href);
  if (query) url.searchParams.set('q', query);
  else url.searchParams.delete('q');
  window.history.replaceState(null, '', url);
  if (!pagefind || !query.trim()) {
    results.replaceChildren();
    if (pagefind) status.textContent = '';
    return;
  }
  const search = await pagefind.search(query);
  const found = await Promise.all(search.results.slice(0, 20).map((result) => result.data()));
  if (ticket !== latest) return; // a newer query is on its way
  status.textContent = found.length
    ? `${search.results.length} ${status.dataset.results} “${query}”`
    : `${status.dataset.none} “${query}”`;
  results.innerHTML = found
    .map(
      (page) =>
        `<li class="search-result"><a href="${escapeHtml(page.url)}">${escapeHtml(page.meta?.title ?? page.url)}</a><p>${page.excerpt}</p></li>`,
    )
    .join('');
}

let timer;
input.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(() => run(input.value), 150);
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  run(input.value);
});
const initial = new URL(window.location.href).searchParams.get('q');
if (initial) {
  input.value = initial;
  run(initial);
}
