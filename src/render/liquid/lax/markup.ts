/**
 * Each standard tag's markup and each output, read as Ruby Liquid 4.0.4 reads them under
 * Jekyll's `error_mode: warn` (parser_switching.rb): the strict parser first; if it fails, a
 * warning and the tag's lax regexes. Either way the result is written as liquidjs markup that
 * means the same, so liquidjs's own tags render it.
 */
import {
  expression,
  LiquidSyntaxError,
  QUOTED_FRAGMENT,
  rangeEnds,
  SPACE,
  StrictParser,
  stringLiteral,
  TAG_ATTRIBUTES,
} from './expression.ts';

export { LiquidSyntaxError } from './expression.ts';

export interface Rewritten {
  /** The liquidjs markup. */
  markup: string;
  /** Why the strict parser refused it (Jekyll's "Liquid Warning"), when it did. */
  warning?: string;
}

const QF = QUOTED_FRAGMENT;
const S = SPACE;

/** Strict first, lax on a syntax error, as Liquid's `parse_with_selected_parser` in warn mode. */
function switching(context: string, strict: () => string, lax: () => string): Rewritten {
  try {
    return { markup: strict() };
  } catch (error) {
    if (!(error instanceof LiquidSyntaxError)) throw error;
    return { markup: lax(), warning: `${error.message} in "${context}"` };
  }
}

// --- outputs and filters (variable.rb) ---

interface Filter {
  name: string;
  args: string[];
}

const JUST_TAG_ATTRIBUTES = new RegExp(`^(\\w+)${S}*:${S}*(${QF})$`);

/** The filter that makes a Ruby Range (tags/collection.ts): liquidjs's ranges are plain lists. */
export const RANGE_FILTER = '__ruby_range';

function writeVariable(name: string | undefined, filters: Filter[]): string {
  // A range given to filters or printed is a Ruby Range: its ends read with `to_i`, printed `1..3`.
  const ends = name === undefined ? undefined : rangeEnds(name);
  let text = ends ? `${expression(ends[0])} | ${RANGE_FILTER}: ${expression(ends[1])}` : expression(name);
  for (const filter of filters) {
    // A name Ruby could never call (`f-g`, `x?`) is an unknown filter: it passes its input on.
    if (!/^[A-Za-z_]\w*$/.test(filter.name)) continue;
    text += ` | ${filter.name}`;
    if (filter.args.length === 0) continue;
    const args = filter.args.map((arg) => {
      const keyword = JUST_TAG_ATTRIBUTES.exec(arg);
      return keyword
        ? `${keyword[1]}: ${expression(keyword[2], { filterArgument: true })}`
        : expression(arg, { filterArgument: true });
    });
    text += `: ${args.join(', ')}`;
  }
  return text;
}

function strictVariable(markup: string): string {
  const p = new StrictParser(markup);
  const name = p.expression();
  const filters: Filter[] = [];
  while (p.consumeIf('pipe') !== false) {
    const filterName = p.consume('id');
    const args: string[] = [];
    if (p.consumeIf('colon') !== false) {
      args.push(p.argument());
      while (p.consumeIf('comma') !== false) args.push(p.argument());
    }
    filters.push({ name: filterName, args });
  }
  p.consume('end_of_string');
  return writeVariable(name, filters);
}

const MARKUP_WITH_QUOTED_FRAGMENT = new RegExp(`(${QF})([\\s\\S]*)`);
const FILTER_MARKUP = new RegExp(`\\|${S}*([\\s\\S]*)`);
const FILTER_PARSER = new RegExp(`(?:${S}+|${QF}|,)+`, 'g');
const FILTER_ARGS = new RegExp(`(?::|,)${S}*((?:\\w+${S}*:${S}*)?${QF})`, 'g');

function laxVariable(markup: string): string {
  const m = MARKUP_WITH_QUOTED_FRAGMENT.exec(markup);
  if (!m) return 'nil';
  const filters: Filter[] = [];
  const filterMarkup = FILTER_MARKUP.exec(m[2]);
  if (filterMarkup) {
    for (const f of filterMarkup[1].match(FILTER_PARSER) ?? []) {
      const name = /\w+/.exec(f);
      if (!name) continue;
      filters.push({ name: name[0], args: [...f.matchAll(FILTER_ARGS)].map((arg) => arg[1]) });
    }
  }
  return writeVariable(m[1], filters);
}

/** `{{ markup }}`, and the value of an `assign`. */
export function variable(markup: string): Rewritten {
  return switching(
    `{{${markup}}}`,
    () => strictVariable(markup),
    () => laxVariable(markup),
  );
}

// --- if, elsif, unless (if.rb) ---

const OPERATORS = new Set(['==', '!=', '<>', '<', '>', '<=', '>=', 'contains']);

/** The operator liquidjs is given for one Ruby does not know: it fails when evaluated, as Ruby's. */
export const UNKNOWN_OPERATOR = 'unknown_operator';
const METHOD_LITERALS = new Set(['empty', 'blank']);

/**
 * One comparison of a condition. `first`: the leftmost one, which Ruby always evaluates; the
 * others it may skip (`a and b` does not look at b when a is false), liquidjs never does.
 */
function comparison(left: string, operator?: string, right?: string, first = true): string {
  if (!operator) return expression(left);
  if (!OPERATORS.has(operator)) {
    // Ruby fails on an unknown operator when it evaluates the comparison: so does liquidjs with
    // the leftmost one. A later one Ruby may never evaluate: it is false here, never failing.
    return first ? `${expression(left)} ${UNKNOWN_OPERATOR} ${stringLiteral(operator)}` : 'false';
  }
  const equality = operator === '==' ? true : operator === '!=' || operator === '<>' ? false : undefined;
  const literal = METHOD_LITERALS.has(left) ? left : METHOD_LITERALS.has(right ?? '') ? right : undefined;
  if (literal !== undefined) {
    // `empty` and `blank` are Ruby methods to call, not values (Condition#equal_variables):
    // `x == blank` asks x for `blank?`, which nothing in Jekyll answers (Liquid 4 has no
    // ActiveSupport); other operators compare with an object that has no order; `contains`
    // looks for it as "" in a string. liquidjs's drops answer otherwise.
    if (equality !== undefined && literal === 'blank') return equality ? 'false' : 'true';
    if (operator === 'contains') return literal === left ? 'false' : `${expression(left)} contains ""`;
    if (equality === undefined) return 'false';
  }
  // liquidjs has no `<>`; Ruby reads it as `!=`.
  return `${expression(left)} ${operator === '<>' ? '!=' : operator} ${expression(right)}`;
}

function strictCondition(markup: string): string {
  const p = new StrictParser(markup);
  const parts: string[] = [];
  const parseComparison = () => {
    const left = p.expression();
    const operator = p.consumeIf('comparison');
    parts.push(operator === false ? comparison(left) : comparison(left, operator, p.expression()));
  };
  parseComparison();
  for (;;) {
    const operator = p.id('and') ? 'and' : p.id('or') ? 'or' : undefined;
    if (!operator) break;
    parts.push(operator);
    parseComparison();
  }
  p.consume('end_of_string');
  return parts.join(' ');
}

const IF_SYNTAX = new RegExp(`(${QF})${S}*([=!<>a-z_]+)?${S}*(${QF})?`);
const AND_OR = `\\b(?:${S}?and${S}?|${S}?or${S}?)\\b`;
const EXPRESSIONS_AND_OPERATORS = new RegExp(
  `(?:${AND_OR}|(?:${S}*(?!${AND_OR})(?:${QF}|[^ \\t\\r\\n\\f\\v]+)${S}*)+)`,
  'g',
);
const IF_ERROR = "Syntax Error in tag 'if' - Valid syntax: if [expression]";

function laxCondition(markup: string): string {
  const expressions = markup.match(EXPRESSIONS_AND_OPERATORS) ?? [];
  const lastComparison = (text: string | undefined) => {
    const m = IF_SYNTAX.exec(text ?? '');
    if (!m) throw new LiquidSyntaxError(IF_ERROR);
    return comparison(m[1], m[2], m[3], expressions.length === 0);
  };
  // Read from the end, as Ruby does: `a and b or c` is `a and (b or c)`, which is also how
  // liquidjs groups it.
  const parts = [lastComparison(expressions.pop())];
  while (expressions.length > 0) {
    const operator = (expressions.pop() ?? '').trim();
    const left = lastComparison(expressions.pop());
    if (operator !== 'and' && operator !== 'or') throw new LiquidSyntaxError(IF_ERROR);
    parts.unshift(left, operator);
  }
  return parts.join(' ');
}

export function condition(markup: string): Rewritten {
  return switching(
    markup.trim(),
    () => strictCondition(markup),
    () => laxCondition(markup),
  );
}

// --- for (for.rb) ---

const FOR_ERROR = "Syntax Error in 'for loop' - Valid syntax: for [item] in [collection]";

function writeFor(
  item: string,
  collection: string,
  reversed: boolean,
  limit?: string,
  offset?: string,
): string {
  let text = `${item} in ${expression(collection)}`;
  if (reversed) text += ' reversed';
  if (limit !== undefined) text += ` limit: ${expression(limit)}`;
  if (offset !== undefined) text += ` offset: ${offset === 'continue' ? 'continue' : expression(offset)}`;
  return text;
}

function strictFor(markup: string): string {
  const p = new StrictParser(markup);
  const item = p.consume('id');
  if (!p.id('in')) throw new LiquidSyntaxError("For loops require an 'in' clause");
  const collection = p.expression();
  const reversed = p.id('reversed');
  const attributes: Record<string, string> = {};
  while (p.look('id') && p.look('colon', 1)) {
    const name = p.id('limit') ? 'limit' : p.id('offset') ? 'offset' : undefined;
    if (!name)
      throw new LiquidSyntaxError('Invalid attribute in for loop. Valid attributes are limit and offset');
    p.consume();
    attributes[name] = p.expression();
  }
  p.consume('end_of_string');
  return writeFor(item, collection, reversed, attributes.limit, attributes.offset);
}

const FOR_SYNTAX = new RegExp(`^([\\w-]+)${S}+in${S}+(${QF}+)${S}*(reversed)?`);

function laxFor(markup: string): string {
  const m = FOR_SYNTAX.exec(markup);
  if (!m) throw new LiquidSyntaxError(FOR_ERROR);
  const attributes: Record<string, string> = {};
  for (const [, name, value] of markup.matchAll(TAG_ATTRIBUTES)) attributes[name] = value;
  return writeFor(m[1], m[2], m[3] !== undefined, attributes.limit, attributes.offset);
}

export function forLoop(markup: string): Rewritten {
  return switching(
    markup.trim(),
    () => strictFor(markup),
    () => laxFor(markup),
  );
}

// --- tags with only a lax syntax: assign, capture, case/when, cycle, tablerow ---

const VARIABLE_SIGNATURE = '(?:\\(?[\\w\\-.\\[\\]]\\)?)+';
const ASSIGN_SYNTAX = new RegExp(`(${VARIABLE_SIGNATURE})${S}*=${S}*([\\s\\S]*)`);
const PLAIN_TARGET = /^[A-Za-z_][\w-]*$/;

/** Ruby assigns to the name as written, dots and brackets included (`a.b` is one name). */
function target(name: string): string {
  return PLAIN_TARGET.test(name) ? name : stringLiteral(name);
}

export function assign(markup: string): Rewritten {
  const m = ASSIGN_SYNTAX.exec(markup);
  if (!m) throw new LiquidSyntaxError("Syntax Error in 'assign' - Valid syntax: assign [var] = [source]");
  const value = variable(m[2]);
  return { markup: `${target(m[1])} = ${value.markup}`, warning: value.warning };
}

export function capture(markup: string): Rewritten {
  const m = new RegExp(VARIABLE_SIGNATURE).exec(markup);
  if (!m) throw new LiquidSyntaxError("Syntax Error in 'capture' - Valid syntax: capture [var]");
  return { markup: target(m[0]) };
}

export function caseLeft(markup: string): Rewritten {
  const m = new RegExp(QF).exec(markup);
  if (!m) throw new LiquidSyntaxError("Syntax Error in 'case' - Valid syntax: case [condition]");
  return { markup: expression(m[0]) };
}

const WHEN_SYNTAX = new RegExp(`(${QF})(?:(?:${S}+or${S}+|${S}*,${S}*)(${QF}[\\s\\S]*))?`);

export function when(markup: string): Rewritten {
  const values: string[] = [];
  let rest: string | undefined = markup;
  while (rest !== undefined) {
    const m = WHEN_SYNTAX.exec(rest);
    if (!m)
      throw new LiquidSyntaxError(
        "Syntax Error in tag 'case' - Valid when condition: {% when [condition] [or condition2...] %}",
      );
    values.push(expression(m[1]));
    rest = m[2];
  }
  return { markup: values.join(', ') };
}

const CYCLE_NAMED = new RegExp(`^(${QF})${S}*:${S}*([\\s\\S]*)`);
const CYCLE_SIMPLE = new RegExp(`^${QF}+`);
const CYCLE_VALUE = new RegExp(`${S}*(${QF})${S}*`);

export function cycle(markup: string): Rewritten {
  const values = (text: string) =>
    text
      .split(',')
      .map((part) => CYCLE_VALUE.exec(part)?.[1])
      .filter((value) => value !== undefined)
      .map((value) => expression(value))
      .join(', ');
  const named = CYCLE_NAMED.exec(markup);
  if (named) return { markup: `${expression(named[1])}: ${values(named[2])}` };
  if (CYCLE_SIMPLE.test(markup)) return { markup: values(markup) };
  throw new LiquidSyntaxError(
    "Syntax Error in 'cycle' - Valid syntax: cycle [name :] var [, var2, var3 ...]",
  );
}

const TABLEROW_SYNTAX = new RegExp(`(\\w+)${S}+in${S}+(${QF}+)`);

export function tablerow(markup: string): Rewritten {
  const m = TABLEROW_SYNTAX.exec(markup);
  if (!m)
    throw new LiquidSyntaxError(
      "Syntax Error in 'table_row loop' - Valid syntax: table_row [item] in [collection] cols=3",
    );
  let text = `${m[1]} in ${expression(m[2])}`;
  const attributes: Record<string, string> = {};
  for (const [, name, value] of markup.matchAll(TAG_ATTRIBUTES)) attributes[name] = value;
  for (const name of ['cols', 'limit', 'offset']) {
    if (attributes[name] !== undefined) text += ` ${name}: ${expression(attributes[name])}`;
  }
  return { markup: text };
}
