/**
 * Live reload over Server-Sent Events (the browser reconnects by itself after a restart).
 * Pages get a small script, added to the HTML as it is sent and never to the files on disk.
 * It reloads the page after a rebuild, swaps stylesheets in place when only CSS changed, and
 * shows an overlay with the error (file, line, code frame, hint) while the build is broken.
 */
import type { ServerResponse } from 'node:http';
import type { SiteError } from '../errors.ts';

const LIVE_RELOAD_PATH = '/__scholarsite/';
const EVENTS = `${LIVE_RELOAD_PATH}events`;
const CLIENT = `${LIVE_RELOAD_PATH}client.js`;

export interface Problem {
  where: string;
  message: string;
  frame?: string;
  hint?: string;
}

export function problemOf(error: SiteError): Problem {
  return { where: error.where, message: error.message, frame: error.frame, hint: error.hint };
}

export class LiveReload {
  private readonly clients = new Set<ServerResponse>();
  /**
   * Names the last good build (this server's start time, and a count); a page knows the build
   * it came from and reloads when it reconnects to another (a rebuild, a restarted server).
   */
  private readonly started = Date.now().toString(36);
  private builds = 0;
  private get build(): string {
    return `${this.started}.${this.builds}`;
  }
  private problems: Problem[] = [];
  private readonly heartbeat: NodeJS.Timeout;

  constructor() {
    // Keeps idle connections open through proxies, and notices closed tabs.
    this.heartbeat = setInterval(() => this.send(': ping\n\n'), 20_000);
    this.heartbeat.unref();
  }

  /** A good build: pages reload, or with only stylesheets changed, restyle in place. */
  built(changed: string[]): void {
    this.builds++;
    const hadProblems = this.problems.length > 0;
    this.problems = [];
    if (changed.length === 0 && !hadProblems) return;
    // The feed and sitemap change with the build time on every rebuild; they are not what the
    // page shows, so a Sass edit that rewrites them still only restyles the page.
    const cssOnly =
      changed.some((file) => /\.css$/i.test(file)) &&
      changed.every((file) => /\.(css|map|xml|json|txt)$/i.test(file));
    this.event(cssOnly && !hadProblems ? 'css' : 'reload', { build: this.build });
  }

  /** A failed build: every open page shows the overlay. */
  failed(problems: Problem[]): void {
    this.problems = problems;
    this.event('problems', { build: this.build, problems });
  }

  /** Answer a request under /__scholarsite/, or return false. */
  handle(url: string, response: ServerResponse): boolean {
    const pathname = url.split('?')[0];
    if (pathname === EVENTS) {
      response.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-cache',
        Connection: 'keep-alive',
      });
      response.write('retry: 500\n\n');
      response.write(event('hello', { build: this.build, problems: this.problems }));
      this.clients.add(response);
      response.on('close', () => this.clients.delete(response));
      return true;
    }
    if (pathname === CLIENT) {
      response.writeHead(200, {
        'Content-Type': 'text/javascript; charset=utf-8',
        'Cache-Control': 'no-cache',
      });
      response.end(CLIENT_SCRIPT);
      return true;
    }
    return false;
  }

  /** The page with the client script before `</body>` (or at the end). */
  inject(html: string): string {
    const tag = `<script src="${CLIENT}" data-build="${this.build}" defer></script>`;
    const at = html.search(/<\/body\s*>(?![\s\S]*<\/body\s*>)/i);
    return at < 0 ? html + tag : html.slice(0, at) + tag + html.slice(at);
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const client of this.clients) client.end();
    this.clients.clear();
  }

  private event(name: string, data: unknown): void {
    this.send(event(name, data));
  }

  private send(text: string): void {
    for (const client of this.clients) client.write(text);
  }
}

function event(name: string, data: unknown): string {
  return `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** Runs in the page. No dependencies, no globals left behind. */
const CLIENT_SCRIPT = `(() => {
  const me = document.currentScript;
  let build = me && me.dataset.build;
  const source = new EventSource(${JSON.stringify(EVENTS)});
  const read = (e) => JSON.parse(e.data);
  source.addEventListener('hello', (e) => {
    const data = read(e);
    // Reconnected to a newer build (or a restarted server): this page is stale.
    if (data.build !== build && !data.problems.length) return location.reload();
    show(data.problems);
  });
  source.addEventListener('reload', () => location.reload());
  source.addEventListener('css', (e) => {
    build = read(e).build;
    for (const link of document.querySelectorAll('link[rel~="stylesheet"][href]')) {
      const url = new URL(link.href, location.href);
      if (url.origin !== location.origin) continue;
      url.searchParams.set('livereload', String(Date.now()));
      const fresh = link.cloneNode();
      fresh.href = url.href;
      fresh.addEventListener('load', () => link.remove(), { once: true });
      fresh.addEventListener('error', () => fresh.remove(), { once: true });
      link.after(fresh);
    }
  });
  source.addEventListener('problems', (e) => show(read(e).problems));

  let host = null;
  function show(problems) {
    if (host) host.remove();
    host = null;
    if (!problems.length) return;
    host = document.createElement('scholarsite-error-overlay');
    const root = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = ':host{position:fixed;inset:0;z-index:2147483647;background:rgba(0,0,0,.66);display:flex;align-items:flex-start;justify-content:center;overflow:auto;font:15px/1.5 system-ui,sans-serif}' +
      '.box{margin:5vh 1rem;max-width:60rem;width:100%;background:#fff;color:#1a1a1a;border-top:6px solid #c62828;border-radius:6px;padding:1.25rem 1.5rem;box-shadow:0 10px 40px rgba(0,0,0,.4)}' +
      'h2{margin:0 0 .75rem;font-size:1.2rem;color:#b71c1c}pre{background:#f6f6f6;padding:.75rem;overflow:auto;font:13px/1.45 ui-monospace,monospace;border-radius:4px}' +
      '.where{font-family:ui-monospace,monospace;font-weight:600}.hint{color:#333}button{float:right;font:inherit;padding:.25rem .75rem;cursor:pointer}' +
      '@media (prefers-color-scheme: dark){.box{background:#1e1e1e;color:#eee}pre{background:#2a2a2a}.hint{color:#ccc}h2{color:#ef9a9a}}';
    const box = document.createElement('div');
    box.className = 'box';
    box.setAttribute('role', 'alertdialog');
    box.setAttribute('aria-label', 'Build failed');
    const close = document.createElement('button');
    close.textContent = 'Close';
    close.addEventListener('click', () => { host.remove(); host = null; });
    const title = document.createElement('h2');
    title.textContent = 'The site did not build. This is the last good version; fix the file and save.';
    box.append(close, title);
    for (const problem of problems) {
      const where = document.createElement('p');
      where.innerHTML = '<span class="where"></span>: <span class="message"></span>';
      where.querySelector('.where').textContent = problem.where;
      where.querySelector('.message').textContent = problem.message;
      box.append(where);
      if (problem.frame) {
        const pre = document.createElement('pre');
        pre.textContent = problem.frame;
        box.append(pre);
      }
      if (problem.hint) {
        const hint = document.createElement('p');
        hint.className = 'hint';
        hint.textContent = 'Hint: ' + problem.hint;
        box.append(hint);
      }
    }
    root.append(style, box);
    document.documentElement.append(host);
    close.focus();
  }
})();
`;
