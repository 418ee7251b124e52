/**
 * Ruby Liquid's "blank" blocks: an `if`/`unless`/`case`/`for` whose bodies hold nothing but
 * whitespace and silent tags (`assign`, `capture`, `comment`, other blank blocks) renders no
 * whitespace at all. Themes lean on it (`{% if site.url %}\n  {% assign … %}\n{% endif %}`
 * prints nothing in Jekyll); liquidjs would print the newlines and spaces.
 */
import { type Liquid, type Template, TokenKind } from 'liquidjs';
import type { RawTextTag } from './tags/raw-text.ts';

const SILENT_TAGS = new Set(['assign', 'capture', 'comment']);
const BLOCK_TAGS = new Set(['if', 'unless', 'case', 'for', 'tablerow']);

interface Branching {
  name?: string;
  branches?: { templates: Template[] }[];
  templates?: Template[];
  elseTemplates?: Template[];
}

function bodiesOf(tag: Branching): Template[][] {
  const bodies: Template[][] = [];
  for (const branch of tag.branches ?? []) bodies.push(branch.templates);
  if (tag.templates) bodies.push(tag.templates);
  if (tag.elseTemplates) bodies.push(tag.elseTemplates);
  return bodies;
}

function isWhitespace(template: Template): boolean {
  return template.token.kind === TokenKind.HTML && /^\s*$/.test((template as unknown as { str: string }).str);
}

/** Is this node blank? Blank blocks lose their whitespace on the way. */
function blankNode(template: Template): boolean {
  if (template.token.kind === TokenKind.HTML) return isWhitespace(template);
  const tag = template as unknown as Branching;
  if (!tag.name) return false;
  const bodies = bodiesOf(tag);
  // Inner blocks are settled first, whatever this one turns out to be.
  const blankBodies = bodies.map((body) => body.map(blankNode).every(Boolean));
  if (SILENT_TAGS.has(tag.name)) return true;
  // A raw block is blank when empty, as Ruby's Raw#blank? (lax.ts also keeps lines with empty ones).
  if (tag.name === 'raw_text') return (template as RawTextTag).text === '';
  if (!BLOCK_TAGS.has(tag.name)) return false;
  const blank = blankBodies.every(Boolean);
  if (blank) {
    for (const body of bodies) {
      const kept = body.filter((node) => !isWhitespace(node));
      body.splice(0, body.length, ...kept);
    }
  }
  return blank;
}

export function stripBlankBlocks(templates: Template[]): Template[] {
  for (const template of templates) blankNode(template);
  return templates;
}

type PartialParser = (
  file: string,
  sync: boolean,
  currentFile?: string,
) => Generator<unknown, Template[], unknown>;

/**
 * Apply to every include liquidjs parses (top-level templates go through `stripBlankBlocks` in
 * the engine). liquidjs runs yielded generators and sends their result back.
 */
export function withBlankBlocks(liquid: Liquid): void {
  const target = liquid as unknown as { _parsePartialFile: PartialParser };
  const parsePartial = target._parsePartialFile.bind(liquid);
  target._parsePartialFile = function* (file, sync, currentFile) {
    const templates = (yield parsePartial(file, sync, currentFile)) as Template[];
    return stripBlankBlocks(templates);
  };
}
