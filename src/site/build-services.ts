/**
 * What one build lends its stages beside the site model, as Hugo's `deps`: where slow results
 * are kept, what serve keeps between builds, and who is told what a page reads. build.ts makes
 * it (its BuildContext holds it) and hands it to the reader and the renderer; `Site` holds none
 * of it. A command that only reads a site (talkmap, citations, tests) lends only its diagnostics.
 */
import type { Config } from '../config/index.ts';
import type { Diagnostics } from '../errors.ts';
import type { DependencyRecorder } from './dependency.ts';
import type { Page } from './document.ts';

/** A page or document file as read: its data after defaults, and its body. */
export interface LoadedFile {
  text: string;
  type: string;
  data: Config;
  content: string;
  bodyLine: number;
}

/** What the reader is lent. */
export interface ReadServices {
  /** Where warnings and errors go (the build's; printed, or failing it). */
  readonly diagnostics: Diagnostics;
  /** Where slow results are kept between builds (`.jekyll-cache/scholarsite`); unset with --disable-disk-cache. */
  readonly cacheDir?: string;
  /** Texts of source files already read, by absolute path (`serve` drops the saved ones). */
  readonly fileTexts?: Map<string, string>;
  /** Pages and documents as read by the last build, by absolute path (`serve`). */
  readonly loadedFiles?: Map<string, LoadedFile>;
  /** Told of each page as soon as it is read (a stylesheet can start compiling then). */
  readonly pageRead?: (page: Page) => void;
}

/** Everything one build lends. */
export interface BuildServices extends ReadServices {
  /** Told what the template being rendered reads (site/dependency.ts). */
  readonly recorder: DependencyRecorder;
}
