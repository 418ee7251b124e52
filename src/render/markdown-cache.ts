/**
 * Jekyll keeps every Markdown conversion in its cache (`Jekyll::Cache` of the Markdown converter),
 * by the text converted, so a build converts again only the bodies that changed. Ours is one file,
 * `.jekyll-cache/scholarsite/markdown-<hash of the converter and the kramdown settings>`: a hash of each text → its
 * HTML (and, with `show_warnings`, kramdown's warnings, which Jekyll prints only when it converts: a
 * page's warnings would go silent after its first build). It holds what the last build that rendered every page converted (and what later builds
 * converted since), so it grows beyond the site only by the edits in between, and a build with
 * another setting or another scholarsite replaces it. It is read at the first conversion: a
 * build that renders no Markdown again never reads it.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { codeStamp } from '../version.ts';
import { keepCacheFile } from '../write/cache-file.ts';
import type { Kramdown } from './kramdown/index.ts';

/** A conversion's HTML, or its HTML with its warnings and their counts. */
type Converted = string | [html: string, warnings: Array<[string, number]>];

export class MarkdownCache {
  private readonly file: string;
  private saved: Map<string, Converted> | undefined;
  private readonly used = new Map<string, Converted>();
  private converted = 0;

  private get known(): Map<string, Converted> {
    this.saved ??= readSaved(this.file);
    return this.saved;
  }

  /** `converter`: which Markdown converter made the HTML (the cache changes with it). */
  constructor(cacheDir: string, kramdown: unknown, converter: string) {
    const key = createHash('sha256')
      .update(JSON.stringify([converter, codeStamp(), kramdown ?? {}]))
      .digest('hex')
      .slice(0, 16);
    this.file = path.join(cacheDir, `markdown-${key}`);
  }

  /** `convert`, answered from the cache when the same text was converted before. */
  wrap(convert: Kramdown): Kramdown {
    return (text, warn) => {
      const key = createHash('sha1').update(text).digest('base64');
      let converted = this.used.get(key) ?? this.known.get(key);
      if (converted === undefined) {
        let warnings: Array<[string, number]> | undefined;
        const html = convert(text, (counts) => {
          warnings = [...counts];
        });
        converted = warnings ? [html, warnings] : html;
        this.converted++;
      }
      this.used.set(key, converted);
      if (typeof converted === 'string') return converted;
      warn?.(new Map(converted[1]));
      return converted[0];
    };
  }

  /**
   * Keeps what this build converted, unless that is just what the file holds already. `whole`:
   * the build converted every text of the site, so texts it did not see are gone from it.
   */
  save({ whole }: { whole: boolean }): void {
    if (this.converted === 0 && (!whole || this.used.size === this.known.size)) return;
    const kept = whole ? this.used : new Map([...this.known, ...this.used]);
    if (!keepCacheFile(this.file, v8.serialize(kept))) return;
    // Jekyll empties its cache when the config changes: the files of other settings go too.
    const folder = path.dirname(this.file);
    for (const name of readdirSync(folder)) {
      if (name.startsWith('markdown-') && path.join(folder, name) !== this.file) {
        rmSync(path.join(folder, name), { force: true });
      }
    }
  }
}

function readSaved(file: string): Map<string, Converted> {
  try {
    const saved = v8.deserialize(readFileSync(file));
    return saved instanceof Map ? (saved as Map<string, Converted>) : new Map();
  } catch {
    return new Map(); // none yet, or damaged: everything is converted again
  }
}
