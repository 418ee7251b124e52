/** Command-line flags, read strictly: a mistake is printed with what to do, never a stack trace. */

import { type ParseArgsConfig, parseArgs } from 'node:util';
import { SiteError } from '../errors.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseFlags<const O extends Options>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    process.stderr.write(
      `Error: ${(error as Error).message}\n  Hint: run \`scholarsite --help\` to see the options.\n`,
    );
    return undefined;
  }
}

/** Flags and the folder names after the command (`new DIR`, `migrate SRC DEST`). */
export function parseFlagsAndFolders<const O extends Options>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: true });
  } catch (error) {
    process.stderr.write(
      `Error: ${(error as Error).message}\n  Hint: run \`scholarsite --help\` to see the options.\n`,
    );
    return undefined;
  }
}

/** A user's problem (a SiteError) printed with its place and hint, exit code 1; anything else is a bug. */
export function reportProblem(error: unknown): number {
  if (!(error instanceof SiteError)) throw error;
  process.stderr.write(`${error.format()}\n`);
  return 1;
}

/** What is not the user's doing: said as a bug to report (the stack with SCHOLARSITE_TRACE). */
export function reportBug(error: unknown): number {
  const e = error as Error;
  process.stderr.write(
    `Error: scholarsite stopped unexpectedly: ${e.message}\n  Hint: this is a bug in scholarsite; please report it with the file that triggers it.\n`,
  );
  if (process.env.SCHOLARSITE_TRACE) process.stderr.write(`${e.stack}\n`);
  return 1;
}
