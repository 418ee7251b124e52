/**
 * What the rules share with the parser loop, kept apart from parser.ts: parser.ts imports the
 * rules, so a rule that imported a value from it would close an import cycle.
 */
import { downcase } from './ruby.ts';

/** Thrown by a rule to end the innermost `parseBlocks` (kramdown's `throw :stop_block_parsing`). */
export class StopBlockParsing {
  constructor(readonly status: unknown) {}
}

/** Link ids match case-insensitively, with whitespace runs as one space (kramdown's normalize_link_id). */
export function normalizeLinkId(id: string): string {
  return downcase(id.replace(/[ \t\n\v\f\r]+/g, ' ')); // Ruby's \s is ASCII only
}
