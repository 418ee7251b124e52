/**
 * The builds the benchmark times: scholarsite (cold, with its cache, and `-I` with nothing
 * changed), Jekyll (cold and `-I`), Hugo and Eleventy, each as a shell command on its own
 * workload, or why it cannot run on this machine.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { errorLine } from './measure.ts';

export type Workload = 'jekyll' | 'hugo' | 'eleventy';

export interface Tool {
  name: string;
  workload: Workload;
  /** Shell command that builds `source` into `out`. */
  command: (source: string, out: string) => string;
  /** Why it cannot run here; the table says so instead of timing it. */
  missing?: string;
  /** Its first build fills a cache the later ones read. */
  cached?: boolean;
}

export const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

const ELEVENTY = '@11ty/eleventy@3.1.8';

/** Eleventy is no dependency of scholarsite: installed into the work folder for this run. */
function installEleventy(work: string): { bin?: string; missing?: string } {
  const prefix = path.join(work, 'eleventy');
  const install = spawnSync('npm', ['install', '--prefix', prefix, ELEVENTY, '--no-audit', '--no-fund'], {
    encoding: 'utf8',
  });
  if (install.status !== 0) {
    return {
      missing: `npm install ${ELEVENTY} failed: ${install.error?.message ?? errorLine(install.stderr)}`,
    };
  }
  return { bin: path.join(prefix, 'node_modules/@11ty/eleventy/cmd.cjs') };
}

/**
 * The tools whose names start with one of `wanted` (all when it is undefined). `baseline`: the
 * bin/scholarsite.js of another checkout (an earlier version), timed cold beside this one.
 */
export function chosenTools(work: string, scholarsite: string, wanted?: string[], baseline?: string): Tool[] {
  const chosen = (name: string) => !wanted || wanted.some((word) => name.startsWith(word));
  // Installed only when it is to be timed: the install takes a while.
  const eleventy = chosen('eleventy') ? installEleventy(work) : { missing: 'not chosen' };
  const tools: Tool[] = [
    ...(baseline
      ? [
          {
            name: 'scholarsite baseline cold',
            workload: 'jekyll' as const,
            command: (source: string, out: string) =>
              `node ${baseline} build -q --disable-disk-cache -s ${source} -d ${out}`,
          },
        ]
      : []),
    {
      name: 'scholarsite cold',
      workload: 'jekyll',
      command: (source, out) => `node ${scholarsite} build -q --disable-disk-cache -s ${source} -d ${out}`,
    },
    {
      name: 'scholarsite cached',
      workload: 'jekyll',
      command: (source, out) => `node ${scholarsite} build -q -s ${source} -d ${out}`,
      cached: true,
    },
    {
      // Nothing changes between the timed runs: this is a rebuild with nothing to render again.
      name: 'scholarsite -I',
      workload: 'jekyll',
      command: (source, out) => `node ${scholarsite} build -q -I -s ${source} -d ${out}`,
      cached: true,
    },
    {
      name: 'jekyll',
      workload: 'jekyll',
      command: (source, out) => `jekyll build -q --disable-disk-cache -s ${source} -d ${out}`,
      missing: has('jekyll') ? undefined : 'not installed',
    },
    {
      name: 'jekyll -I',
      workload: 'jekyll',
      command: (source, out) => `jekyll build -q -I -s ${source} -d ${out}`,
      missing: has('jekyll') ? undefined : 'not installed',
      cached: true,
    },
    {
      name: 'hugo',
      workload: 'hugo',
      // --ignoreCache: nothing from an earlier build in Hugo's cache folder is reused.
      command: (source, out) => `hugo --quiet --ignoreCache -s ${source} -d ${out}`,
      missing: has('hugo') ? undefined : 'not installed',
    },
    {
      name: 'eleventy',
      workload: 'eleventy',
      // Eleventy finds its config file and passthrough copies from the working folder.
      command: (source, out) => `cd ${source} && node ${eleventy.bin} --quiet --input=. --output=${out}`,
      missing: eleventy.missing,
    },
  ];
  return tools.filter((tool) => chosen(tool.name));
}
