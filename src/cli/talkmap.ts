/** `scholarsite talkmap --geocode`. */
import path from 'node:path';
import { geocodeTalks } from '../talkmap/geocode.ts';
import { version } from '../version.ts';
import { isSiteFolder } from './build.ts';
import { parseFlagsAndFolders, reportProblem } from './flags.ts';
import { showHelp } from './help.ts';

export async function runTalkmap(argv: string[]): Promise<number> {
  const parsed = parseFlagsAndFolders(argv, {
    source: { type: 'string', short: 's' },
    geocode: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (!parsed) return 1;
  if (parsed.values.help) return showHelp();
  if (!parsed.values.geocode || parsed.positionals.length) {
    process.stderr.write(
      'Error: `talkmap` finds the places of talks.\n  Hint: scholarsite talkmap --geocode [-s SITE]\n',
    );
    return 1;
  }
  const source = path.resolve(parsed.values.source ?? '.');
  if (!isSiteFolder(source)) return 1;
  try {
    const result = await geocodeTalks(source, { userAgent: `scholarsite/${version()} (talk map)` });
    const file = path.relative(source, result.file);
    for (const place of result.added)
      process.stdout.write(`  ${place.location}: ${place.lat}, ${place.lng}\n`);
    for (const location of result.notFound) {
      process.stderr.write(
        `Warning: no place found for '${location}'\n  Hint: write it as "City, Country", or give the talk latitude: and longitude: in its front matter.\n`,
      );
    }
    for (const { location, reason } of result.failed) {
      process.stderr.write(
        `Warning: '${location}' could not be looked up: ${reason}\n  Hint: this needs the internet; or add "${location}": { lat: …, lng: … } to ${file} by hand.\n`,
      );
    }
    process.stdout.write(
      `${result.added.length} place${result.added.length === 1 ? '' : 's'} added to ${file}; ${result.alreadyKnown} talk${result.alreadyKnown === 1 ? ' was' : 's were'} placed already.\n`,
    );
    return result.failed.length || result.notFound.length ? 1 : 0;
  } catch (error) {
    return reportProblem(error);
  }
}
