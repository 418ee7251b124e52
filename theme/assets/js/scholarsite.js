// scholarsite theme: the dark-mode toggle (remembered) and the menu on small screens.
// No dependencies; without JavaScript the page shows its whole menu and follows the system's colours.
(() => {
  const root = document.documentElement;
  const system = window.matchMedia('(prefers-color-scheme: dark)');

  const themeButton = document.querySelector('.theme-toggle');
  const isDark = () => (root.dataset.theme || (system.matches ? 'dark' : 'light')) === 'dark';
  const showTheme = () => themeButton.setAttribute('aria-pressed', String(isDark()));
  if (themeButton) {
    themeButton.hidden = false;
    showTheme();
    themeButton.addEventListener('click', () => {
      const next = isDark() ? 'light' : 'dark';
      root.dataset.theme = next;
      try {
        localStorage.setItem('scholarsite-theme', next);
      } catch {
        // private browsing: the choice lasts for this page only
      }
      showTheme();
    });
    system.addEventListener('change', showTheme);
  }

  // A code block or table wider than the screen scrolls: keyboard users need to reach it.
  const makeScrollersFocusable = () => {
    for (const box of document.querySelectorAll('.page__content pre, .page__content table')) {
      if (box.scrollWidth > box.clientWidth) box.tabIndex = 0;
      else if (box.tabIndex === 0) box.removeAttribute('tabindex');
    }
  };
  makeScrollersFocusable();
  window.addEventListener('resize', makeScrollersFocusable);

  // kramdown marks footnotes with `doc-endnote`, a role ARIA has since withdrawn (the list says enough).
  for (const note of document.querySelectorAll('[role="doc-endnote"]')) note.removeAttribute('role');

  // "Copy" beside a BibTeX entry: the entry goes to the clipboard, and the button says so.
  for (const button of document.querySelectorAll('[data-copy]')) {
    const source = document.getElementById(button.dataset.copy);
    if (!source || !navigator.clipboard) continue;
    button.hidden = false;
    const label = button.querySelector('span');
    const idle = label.textContent;
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(source.textContent);
        label.textContent = button.dataset.copied || 'Copied';
      } catch {
        label.textContent = idle;
      }
      setTimeout(() => {
        label.textContent = idle;
      }, 2000);
    });
  }

  const menuButton = document.querySelector('.nav-toggle');
  const isOpen = () => menuButton.getAttribute('aria-expanded') === 'true';
  const setOpen = (open) => menuButton.setAttribute('aria-expanded', String(open));
  if (menuButton) {
    menuButton.hidden = false;
    menuButton.addEventListener('click', () => setOpen(!isOpen()));
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && isOpen()) {
        setOpen(false);
        menuButton.focus();
      }
    });
    document.addEventListener('click', (event) => {
      if (isOpen() && !menuButton.parentNode.contains(event.target)) setOpen(false);
    });
  }
})();
