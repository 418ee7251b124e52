/** `scholarsite <command> [options]`: the commands and flags Jekyll users already know. */

import { version } from '../version.ts';
import { showHelp } from './help.ts';
import { runCommand } from './load-command.ts';

/** Each command's module (src/cli/NAME.ts, dist/cli/NAME.cjs) and the function that runs it. */
const COMMANDS: Record<string, [module: string, run: string]> = {
  build: ['build', 'runBuild'],
  b: ['build', 'runBuild'],
  serve: ['serve', 'runServe'],
  s: ['serve', 'runServe'],
  server: ['serve', 'runServe'],
  new: ['new', 'runNew'],
  migrate: ['migrate', 'runMigrate'],
  import: ['import', 'runImport'],
  cv: ['cv', 'runCv'],
  talkmap: ['talkmap', 'runTalkmap'],
  citations: ['citations', 'runCitations'],
  check: ['check', 'runCheck'],
};

export async function main(argv: string[]): Promise<number> {
  // Output piped into `head` that closes early must not crash a build half way.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
  }
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    showHelp();
    return command ? 0 : 1; // no command at all is a mistake
  }
  if (command === '--version' || command === '-v' || command === 'version') {
    process.stdout.write(`scholarsite ${version()}\n`);
    return 0;
  }
  // Commands load on demand, so `--help` and `--version` start instantly.
  const known = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (known) return runCommand(known[0], known[1], rest);
  process.stderr.write(
    `Error: unknown command '${command}'.\n  Hint: run \`scholarsite --help\` to see the commands.\n`,
  );
  return 1;
}
