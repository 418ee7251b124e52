/**
 * Rouge 3.30's Ruby lexer (lexers/ruby.rb: `ruby`, `rb`), rule for rule: heredocs waiting in a
 * queue for the line's end, %-strings with their own delimiters (states made while lexing),
 * interpolation, and Rouge's guesses between a regexp and a division.
 */
import {
  action,
  emitGroups,
  goto,
  groups,
  type LexerState,
  lexer,
  mixin,
  pop,
  rule,
  type StateRules,
} from './regex-lexer.ts';

const KEYWORDS = `BEGIN END alias begin break case defined\\? do else elsif end
  ensure for if in next redo rescue raise retry return super then
  undef unless until when while yield`;
const KEYWORDS_PSEUDO = `loop include extend raise
  alias_method attr catch throw private module_function
  public protected true false nil __FILE__ __LINE__`;
const BUILTINS_G = `attr_reader attr_writer attr_accessor
  __id__ __send__ abort ancestors at_exit autoload binding callcc
  caller catch chomp chop class_eval class_variables clone
  const_defined\\? const_get const_missing const_set constants
  display dup eval exec exit extend fail fork format freeze
  getc gets global_variables gsub hash id included_modules
  inspect instance_eval instance_method instance_methods
  instance_variable_get instance_variable_set instance_variables
  lambda load local_variables loop method method_missing
  methods module_eval name object_id open p print printf
  private_class_method private_instance_methods private_methods proc
  protected_instance_methods protected_methods public_class_method
  public_instance_methods public_methods putc puts raise rand
  readline readlines require require_relative scan select self send set_trace_func
  singleton_methods sleep split sprintf srand sub syscall system
  taint test throw to_a to_s trace_var trap untaint untrace_var warn`;
const BUILTINS_Q = `autoload block_given const_defined eql equal frozen
  include instance_of is_a iterator kind_of method_defined
  nil private_method_defined protected_method_defined
  public_method_defined respond_to tainted`;
const BUILTINS_B = 'chomp chop exit gsub sub';

const alternatives = (words: string) => words.trim().split(/\s+/).join('|');
const S = '[ \\t\\n\\v\\f\\r]';
const DECIMAL = '[\\d]+(?:_\\d+)*';
const EXPONENT = '[eE][+-]?\\d+';
const DELIMITER_PAIRS: Record<string, string> = { '{': '}', '[': ']', '(': ')', '<': '>' };

/** Heredocs opened on this line: [whether the end word may be indented, the end word]. */
function heredocs(lexer: LexerState): Array<[boolean, string]> {
  lexer.memory.heredocs ??= [];
  return lexer.memory.heredocs as Array<[boolean, string]>;
}

function openHeredoc(lexer: LexerState, operator: string, word: string): void {
  heredocs(lexer).push([operator === '<<-' || operator === '<<~', word]);
  if (lexer.stack[lexer.stack.length - 1] !== 'heredoc_queue') lexer.stack.push('heredoc_queue');
}

const escapeForRegExp = (c: string) => c.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
const escapeForClass = (c: string) => c.replace(/[\\\]^[-]/g, '\\$&');

/** A %-string's body: escapes, nesting of its own brackets, interpolation when the letter allows. */
function sigilString(m: RegExpExecArray, lexer: LexerState): void {
  const open = m[2];
  const close = DELIMITER_PAIRS[open] ?? open;
  const interpolated = m[1] !== undefined && /[rQWxI]/.test(m[1]);
  const token = m[1] === 'r' ? 'sr' : 'sx';
  if (m[1] === 'r') lexer.stack.push('regex_flags');
  lexer.emit(token, m[0]);
  const special = [...new Set(['#', open, close])].map(escapeForClass).join('');
  const rules: StateRules = [rule(new RegExp(`\\\\[${special}\\\\]`), 'se')];
  if (open !== close) rules.push(rule(new RegExp(escapeForRegExp(open)), token, '#push'));
  rules.push(rule(new RegExp(escapeForRegExp(close)), token, '#pop'));
  if (interpolated) rules.push(mixin('string_intp_escaped'), rule(/#/, token));
  else rules.push(rule(/[\\#]/, token));
  rules.push(rule(new RegExp(`[^${special}\\\\]+`), token));
  lexer.stack.push(lexer.defineState(rules));
}

function simpleString(token: string, end: string): StateRules {
  return [
    mixin('string_intp_escaped'),
    rule(new RegExp(`[^\\\\${end}#]+`), token),
    rule(/[\\#]/, token),
    rule(new RegExp(end), token, '#pop'),
  ];
}

export const RUBY = lexer(
  {
    symbols: [
      rule(/:@{0,2}[a-z_]\w*[!?]?/i, 'ss'),
      rule(/:(?:\*\*|[-+]@|[/%&|^`~]|\[\]=?|<<|>>|<=?>|<=?|===?)/, 'ss'),
      rule(/:'(\\\\|\\'|[^'])*'/, 'ss'),
      rule(/:"/, 'ss', 'simple_sym'),
    ],
    sigil_strings: [action(/%([rqswQWxiI])?([^\w \t\n\v\f\r])/, sigilString)],
    strings: [
      mixin('symbols'),
      rule(new RegExp(`\\b[a-z_]\\w*?[?!]?:${S}+`), 'ss', 'expr_start'),
      rule(/'(\\\\|\\'|[^'])*'/, 's1'),
      rule(/"/, 's2', 'simple_string'),
      // (?<!\.) never fails: nothing before the position is seen.
      rule(/`/, 'sb', 'simple_backtick'),
    ],
    regex_flags: [rule(/[mixounse]*/, 'sr', '#pop')],
    simple_string: simpleString('s2', '"'),
    simple_sym: simpleString('ss', '"'),
    simple_backtick: simpleString('sb', '`'),
    whitespace: [
      mixin('inline_whitespace'),
      rule(new RegExp(`\\n${S}*`), '', 'expr_start'),
      rule(/#[^\n]*$/m, 'c1'),
      rule(/=begin\b[\s\S]*?\n=end\b/, 'cm'),
    ],
    inline_whitespace: [rule(/[ \t\r]+/, '')],
    root: [
      mixin('whitespace'),
      rule(/__END__/, 'cp', 'end_part'),
      rule(/0_?[0-7]+(?:_[0-7]+)*/, 'mo'),
      rule(/0x[0-9A-Fa-f]+(?:_[0-9A-Fa-f]+)*/, 'mh'),
      rule(/0b[01]+(?:_[01]+)*/, 'mb'),
      rule(new RegExp(`${DECIMAL}(?:\\.${DECIMAL}(?:${EXPONENT})?|${EXPONENT})`), 'mf'),
      rule(new RegExp(DECIMAL), 'mi'),
      rule(/@@[a-z_]\w*/i, 'vc'),
      rule(/@[a-z_]\w*/i, 'vi'),
      rule(/\$\w+/, 'vg'),
      rule(/\$[!@&`'+~=/\\,;.<>_*$?:"]/, 'vg'),
      rule(/\$-[0adFiIlpvw]/, 'vg'),
      rule(/::/, 'o'),
      mixin('strings'),
      rule(new RegExp(`(?:${alternatives(KEYWORDS)})(?=\\W|$)`, 'm'), 'k', 'expr_start'),
      rule(new RegExp(`(?:${alternatives(KEYWORDS_PSEUDO)})\\b`), 'kp', 'expr_start'),
      groups(new RegExp(`(module)(${S}+)([a-zA-Z_][a-zA-Z0-9_]*(::[a-zA-Z_][a-zA-Z0-9_]*)*)`), [
        'k',
        '',
        'nn',
      ]),
      groups(new RegExp(`(def\\b)(${S}*)`), ['k', ''], 'funcname'),
      groups(new RegExp(`(class\\b)(${S}*)`), ['k', ''], 'classname'),
      rule(new RegExp(`(?:${alternatives(BUILTINS_Q)})[?]`), 'nb', 'expr_start'),
      rule(new RegExp(`(?:${alternatives(BUILTINS_B)})!`), 'nb', 'expr_start'),
      rule(new RegExp(`(?:${alternatives(BUILTINS_G)})\\b`), 'nb', 'method_call'),
      mixin('has_heredocs'),
      rule(/\.{2,3}/, 'o', 'expr_start'),
      rule(/[A-Z][a-zA-Z0-9_]*/, 'no', 'method_call'),
      groups(
        new RegExp(`(\\.|::)(${S}*)([a-z_]\\w*[!?]?|[*%&^\`~+-\\/\\[<>=])`),
        ['p', '', 'nf'],
        'method_call',
      ),
      rule(/[a-zA-Z_]\w*[?!]/, 'n', 'expr_start'),
      rule(/[a-zA-Z_]\w*/, 'n', 'method_call'),
      rule(/\*\*|<<?|>>?|>=|<=|<=>|=~|={3}|!~|&&?|\|\||\./, 'o', 'expr_start'),
      rule(/[-+/*%=<>&!^|~]=?/, 'o', 'expr_start'),
      action(/[?]/, (m, lexer) => {
        lexer.emit('p', m[0]);
        lexer.stack.push('ternary', 'expr_start');
      }),
      rule(/[[({,:\\;/]/, 'p', 'expr_start'),
      rule(/[\])}]/, 'p'),
    ],
    has_heredocs: [
      // (?<!\w) never fails: nothing before the position is seen.
      action(/(<<[-~]?)(["`']?)([a-zA-Z_]\w*)(\2)/, (m, lexer) => {
        lexer.emit('o', m[1]);
        lexer.emit('no', `${m[2]}${m[3]}${m[4]}`);
        openHeredoc(lexer, m[1], m[3]);
      }),
      action(/(<<[-~]?)(["'])(\2)/, (m, lexer) => {
        lexer.emit('o', m[1]);
        lexer.emit('no', `${m[2]}${m[3]}`);
        openHeredoc(lexer, m[1], '');
      }),
    ],
    heredoc_queue: [action(/(?=\n)/, (_m, lexer) => goto(lexer, 'resolve_heredocs')), mixin('root')],
    resolve_heredocs: [
      mixin('string_intp_escaped'),
      rule(/\n/, 'sh', 'test_heredoc'),
      rule(/[#\\\n]/, 'sh'),
      rule(/[^#\\\n]+/, 'sh'),
    ],
    test_heredoc: [
      action(/[^#\\\n]*$/m, (m, lexer) => {
        const queue = heredocs(lexer);
        const [tolerant, word] = queue[0] ?? [false, undefined];
        const check = tolerant ? m[0].trim() : m[0].trimEnd();
        if (check === word) {
          queue.shift();
          if (queue.length === 0) pop(lexer.stack);
          lexer.emit('no', m[0]);
        } else lexer.emit('sh', m[0]);
        pop(lexer.stack);
      }),
      action(/(?:)/, (_m, lexer) => pop(lexer.stack)),
    ],
    funcname: [
      rule(new RegExp(`${S}+`), ''),
      rule(/\(/, 'p', 'defexpr'),
      action(
        /(?:([a-zA-Z_]\w*)(\.))?([a-zA-Z_]\w*[!?]?|\*\*?|[-+]@?|[/%&|^`~]|\[\]=?|<<?|>>?|<=>?|>=|===?)/,
        (m, lexer) => {
          emitGroups(lexer, ['nc', 'o', 'nf'], m);
          pop(lexer.stack);
        },
      ),
      action(/(?:)/, (_m, lexer) => pop(lexer.stack)),
    ],
    classname: [
      rule(new RegExp(`${S}+`), ''),
      rule(/\w+(::\w+)+/, 'nc'),
      action(/\(/, (m, lexer) => {
        lexer.emit('p', m[0]);
        lexer.stack.push('defexpr', 'expr_start');
      }),
      action(/<</, (m, lexer) => {
        lexer.emit('o', m[0]);
        goto(lexer, 'expr_start');
      }),
      rule(/[A-Z_]\w*/, 'nc', '#pop'),
      action(/(?:)/, (_m, lexer) => pop(lexer.stack)),
    ],
    ternary: [
      action(new RegExp(`(:)(${S}+)`), (m, lexer) => {
        emitGroups(lexer, ['p', ''], m);
        goto(lexer, 'expr_start');
      }),
      action(/:(?![^#\n]*?[:\\])/, (m, lexer) => {
        lexer.emit('p', m[0]);
        goto(lexer, 'expr_start');
      }),
      mixin('root'),
    ],
    defexpr: [
      action(/(\))(\.|::)?/, (m, lexer) => {
        emitGroups(lexer, ['p', 'o'], m);
        pop(lexer.stack);
      }),
      action(/\(/, (m, lexer) => {
        lexer.emit('p', m[0]);
        lexer.stack.push('defexpr', 'expr_start');
      }),
      mixin('root'),
    ],
    in_interp: [rule(/\}/, 'si', '#pop'), mixin('root')],
    string_intp: [rule(/[#][{]/, 'si', 'in_interp'), rule(/#(@@?|\$)[a-z_]\w*/i, 'si')],
    string_intp_escaped: [
      mixin('string_intp'),
      rule(/\\([\\abefnrstv#"']|x[a-fA-F0-9]{1,2}|[0-7]{1,3})/, 'se'),
      rule(/\\[^\n]/, 'se'),
    ],
    method_call: [
      action(/\/|%/, (m, lexer) => {
        lexer.emit('o', m[0]);
        goto(lexer, 'expr_start');
      }),
      action(/(?=\n)/, (_m, lexer) => pop(lexer.stack)),
      action(/(?:)/, (_m, lexer) => goto(lexer, 'method_call_spaced')),
    ],
    method_call_spaced: [
      mixin('whitespace'),
      action(/[%/]=/, (m, lexer) => {
        lexer.emit('o', m[0]);
        goto(lexer, 'expr_start');
      }),
      action(new RegExp(`(\\/)(?=[^ \\t\\n\\v\\f\\r]|${S}*\\/)`), (m, lexer) => {
        lexer.emit('sr', m[0]);
        goto(lexer, 'slash_regex');
      }),
      mixin('sigil_strings'),
      action(new RegExp(`(?=${S}*\\/)`), (_m, lexer) => pop(lexer.stack)),
      action(new RegExp(`${S}+`), (m, lexer) => {
        lexer.emit('', m[0]);
        goto(lexer, 'expr_start');
      }),
      action(/(?:)/, (_m, lexer) => pop(lexer.stack)),
    ],
    expr_start: [
      mixin('inline_whitespace'),
      action(/\//, (m, lexer) => {
        lexer.emit('sr', m[0]);
        goto(lexer, 'slash_regex');
      }),
      rule(
        /[?](\\[MC]-)*(\\([\\abefnrstv#"']|x[a-fA-F0-9]{1,2}|[0-7]{1,3})|[^ \t\n\v\f\r])(?!\w)/,
        'sc',
        '#pop',
      ),
      action(new RegExp(`(${S}*)(%[rqswQWxiI]? [^ \\t\\n\\v\\f\\r]* )`), (m, lexer) => {
        emitGroups(lexer, ['', 'sx'], m);
        pop(lexer.stack);
      }),
      mixin('sigil_strings'),
      action(/(?:)/, (_m, lexer) => pop(lexer.stack)),
    ],
    slash_regex: [
      mixin('string_intp'),
      rule(/\\\\/, 'sr'),
      rule(/\\\//, 'sr'),
      rule(/[\\#]/, 'sr'),
      rule(/[^\\/#]+/, 'sr'),
      action(/\//, (m, lexer) => {
        lexer.emit('sr', m[0]);
        goto(lexer, 'regex_flags');
      }),
    ],
    end_part: [rule(/[\s\S]+/, 'cp', '#pop')],
  },
  ['root', 'expr_start'],
);
