/**
 * Rouge 3.30's YAML lexer (lexers/yaml.rb: `yaml`, `yml`), rule for rule, with its indentation
 * bookkeeping (a stack of indents, the next line's indent, a block scalar's indent).
 */
import { action, emitGroups, goto, type LexerState, lexer, mixin, pop, rule } from './regex-lexer.ts';

interface Indents {
  stack: number[];
  next: number;
  blockScalar: number | undefined;
}

function indents(lexer: LexerState): Indents {
  lexer.memory.yaml ??= { stack: [0], next: 0, blockScalar: undefined };
  return lexer.memory.yaml as Indents;
}

function resetIndent(lexer: LexerState): void {
  lexer.memory.yaml = { stack: [0], next: 0, blockScalar: undefined };
}

function indent(lexer: LexerState): number {
  const { stack } = indents(lexer);
  return stack[stack.length - 1] ?? 0;
}

/** The line's indent; a dedent closes the deeper levels, what goes past the level left is an error. */
function saveIndent(lexer: LexerState, match: string): [string, string] {
  const state = indents(lexer);
  state.next = match.length;
  if (state.next < indent(lexer)) {
    while (state.stack.length > 0 && state.next < indent(lexer)) state.stack.pop();
    return [match.slice(0, indent(lexer)), match.slice(indent(lexer))];
  }
  return [match, ''];
}

function setIndent(lexer: LexerState, match: string, implicit = false): void {
  const state = indents(lexer);
  if (indent(lexer) < state.next) state.stack.push(state.next);
  if (!implicit) state.next += match.length;
}

/** Ruby's String#to_i: an optional sign and the digits that follow, else 0. */
function rubyToI(text: string): number {
  const match = /^[ \t\n\v\f\r]*([+-]?\d+)/.exec(text);
  return match ? Number(match[1]) : 0;
}

const PLAIN_SCALAR_START = '[^ \\t\\n\\r\\f\\v?:,\\[\\]{}#&*!|>\'"%@`]';

export const YAML = lexer({
  basic: [rule(/#[^\n]*$/m, 'c1')],
  root: [
    mixin('basic'),
    rule(/\n+/, ''),
    rule(/[ ]+(?=#|$)/m, ''),
    action(/^%YAML\b/, (m, lexer) => {
      lexer.emit('nt', m[0]);
      resetIndent(lexer);
      lexer.stack.push('yaml_directive');
    }),
    action(/^%TAG\b/, (m, lexer) => {
      lexer.emit('nt', m[0]);
      resetIndent(lexer);
      lexer.stack.push('tag_directive');
    }),
    action(/^(?:---|\.\.\.)(?= |$)/m, (m, lexer) => {
      lexer.emit('nn', m[0]);
      resetIndent(lexer);
      lexer.stack.push('block_line');
    }),
    action(/[ ]*(?![ \t\n\v\f\r]|$)/m, (m, lexer) => {
      const [text, error] = saveIndent(lexer, m[0]);
      lexer.emit('', text);
      lexer.emit('err', error);
      lexer.stack.push('block_line', 'indentation');
    }),
  ],
  indentation: [
    action(/[ \t\n\v\f\r]*?\n/, (m, lexer) => {
      lexer.emit('', m[0]);
      pop(lexer.stack, 2);
    }),
    action(/[ ]+(?=[-:?](?:[ ]|$))/m, (m, lexer) => {
      lexer.emit('', m[0]);
      indents(lexer).next += m[0].length;
    }),
    action(/[?:-](?=[ ]|$)/m, (m, lexer) => {
      setIndent(lexer, m[0]);
      lexer.emit('pi', m[0]);
    }),
    action(/[ ]*/, (m, lexer) => {
      lexer.emit('', m[0]);
      indents(lexer).next += m[0].length;
      pop(lexer.stack);
    }),
  ],
  block_line: [
    rule(/[ ]*(?=#|$)/m, '', '#pop'),
    rule(/[ ]+/, ''),
    mixin('descriptors'),
    mixin('block_nodes'),
    mixin('flow_nodes'),
    rule(
      new RegExp(`(?=${PLAIN_SCALAR_START}|[?:-][^ \\t\\n\\r\\f\\v])`),
      'nv',
      'plain_scalar_in_block_context',
    ),
  ],
  descriptors: [
    rule(/!<[0-9A-Za-z;/?:@&=+$,_.!~*'()[\]%-]+>/, 'kt'),
    rule(/(?:![\w-]+)?!(?:[\w;/?:@&=+$,.!~*'()[\]%-]*)/, 'kt'),
    rule(/&[\p{L}\p{Nl}\p{Nd}_-]+/u, 'nl'),
    rule(/\*[\p{L}\p{Nl}\p{Nd}_-]+/u, 'nv'),
  ],
  block_nodes: [
    action(/([^#,:?[\]{}"'\n]+)(:)(?=[ \t\n\v\f\r]|$)/m, (m, lexer) => {
      emitGroups(lexer, ['na', 'pi'], m);
      setIndent(lexer, m[0], true);
    }),
    action(/[|>][+-]?/, (m, lexer) => {
      lexer.emit('pi', m[0]);
      lexer.stack.push('block_scalar_content', 'block_scalar_header');
    }),
  ],
  flow_nodes: [
    rule(/\[/, 'pi', 'flow_sequence'),
    rule(/\{/, 'pi', 'flow_mapping'),
    rule(/'/, 's1', 'single_quoted_scalar'),
    rule(/"/, 's2', 'double_quoted_scalar'),
  ],
  flow_collection: [
    rule(/[ \t\n\v\f\r]+/, ''),
    mixin('basic'),
    rule(/[?:,]/, 'pi'),
    mixin('descriptors'),
    mixin('flow_nodes'),
    action(new RegExp(`(?=${PLAIN_SCALAR_START})`), (_m, lexer) => {
      lexer.stack.push('plain_scalar_in_flow_context');
    }),
  ],
  flow_sequence: [rule(/\]/, 'pi', '#pop'), mixin('flow_collection')],
  flow_mapping: [rule(/\}/, 'pi', '#pop'), mixin('flow_collection')],
  block_scalar_content: [
    rule(/\n+/, ''),
    action(/^[ ]+$/m, (m, lexer) => {
      const mark = indents(lexer).blockScalar ?? m[0].length;
      lexer.emit('', m[0].slice(0, mark));
      lexer.emit('no', m[0].slice(mark));
    }),
    action(/^[ ]*/, (m, lexer) => {
      lexer.emit('', m[0]);
      const state = indents(lexer);
      const dedentLevel = state.blockScalar ?? indent(lexer);
      state.blockScalar ??= m[0].length;
      if (m[0].length < dedentLevel) {
        saveIndent(lexer, m[0]);
        pop(lexer.stack);
        lexer.stack.push('indentation');
      }
    }),
    rule(/[^\n\r\f\v]+/, 's'),
  ],
  block_scalar_header: [
    action(/(([1-9])[+-]?|[+-]?([1-9])?)(?=[ ]|$)/m, (m, lexer) => {
      const state = indents(lexer);
      state.blockScalar = undefined;
      goto(lexer, 'ignored_line');
      if (m[0] === '') return;
      // Ruby's `m[1] || m[2]`: the whole indicator (an empty one is true there too).
      state.blockScalar = indent(lexer) + rubyToI(m[1]);
      lexer.emit('pi', m[0]);
    }),
  ],
  ignored_line: [mixin('basic'), rule(/[ ]+/, ''), rule(/\n/, '', '#pop')],
  quoted_scalar_whitespaces: [rule(/^[ ]+/, ''), rule(/[ ]+$/m, ''), rule(/\n+/, ''), rule(/[ ]+/, 'nv')],
  single_quoted_scalar: [
    mixin('quoted_scalar_whitespaces'),
    rule(/\\'/, 'se'),
    rule(/'/, 's', '#pop'),
    rule(/[^ \t\n\v\f\r']+/, 's'),
  ],
  double_quoted_scalar: [
    rule(/"/, 's', '#pop'),
    mixin('quoted_scalar_whitespaces'),
    rule(/\\[0abt\tn\nvfre "\\N_LP]/, 'se'),
    rule(/\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})/, 'se'),
    rule(/[^ \t\n\r\f\v"\\]+/, 's'),
  ],
  plain_scalar_in_block_context_new_line: [
    rule(/^[ ]+\n/, ''),
    rule(/\n+/, ''),
    action(/^(?=---|\.\.\.)/, (_m, lexer) => pop(lexer.stack, 3)),
    action(/^[ ]*/, (m, lexer) => {
      lexer.emit('', m[0]);
      pop(lexer.stack);
      if (m[0].length <= indent(lexer)) {
        pop(lexer.stack);
        saveIndent(lexer, m[0]);
        lexer.stack.push('indentation');
      }
    }),
  ],
  plain_scalar_in_block_context: [
    rule(/[ ]*(?=:[ \n]|:$)/m, '', '#pop'),
    rule(/[ ]*:[^ \t\n\v\f\r]+/, 's'),
    rule(/[ ]+(?=#)/, '', '#pop'),
    rule(/[ ]+$/m, ''),
    action(/\n+/, (m, lexer) => {
      lexer.emit('', m[0]);
      lexer.stack.push('plain_scalar_in_block_context_new_line');
    }),
    rule(/[ ]+/, 's'),
    rule(/true|false|null/, 'no'),
    rule(/\d+(?:\.\d+)?(?=(\r?\n)| +#)/, 'm', '#pop'),
    rule(/[^ \t\n\v\f\r:]+/, 's'),
  ],
  plain_scalar_in_flow_context: [
    rule(/[ ]*(?=[,:?[\]{}])/, '', '#pop'),
    rule(/[ ]+(?=#)/, '', '#pop'),
    rule(/^[ ]+/, ''),
    rule(/[ ]+$/m, ''),
    rule(/\n+/, ''),
    rule(/[ ]+/, 'nv'),
    rule(/[^ \t\n\v\f\r,:?[\]{}]+/, 'nv'),
  ],
  yaml_directive: [
    action(/([ ]+)(\d+\.\d+)/, (m, lexer) => {
      emitGroups(lexer, ['', 'm'], m);
      goto(lexer, 'ignored_line');
    }),
  ],
  tag_directive: [
    action(/([ ]+)(!|![\w-]*!)([ ]+)(!|!?[\w;/?:@&=+$,.!~*'()[\]%-]+)/, (m, lexer) => {
      emitGroups(lexer, ['', 'kt', '', 'kt'], m);
      goto(lexer, 'ignored_line');
    }),
  ],
});
