/** Command-line flags, read strictly: a mistake is printed with what to do, never a stack trace. */
import { type ParseArgsConfig, parseArgs } from 'node:util';

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

/** `scholarsite COMMAND --help` shows the whole help. */
export async function showHelp(): Promise<number> {
  const { main } = await import('./main.ts');
  return main(['--help']);
}
