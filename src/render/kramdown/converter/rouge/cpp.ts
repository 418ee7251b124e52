/** Rouge 3.30's C++ lexer (lexers/cpp.rb: `cpp`, `c++`): C's, with C++'s words and rules. */
import { C_START, C_WORDS, cStates } from './c.ts';
import { action, lexer, mixin, pop, rule } from './regex-lexer.ts';

const words = (text: string) => text.split(/\s+/).filter((w) => w !== '');

const states = cStates({
  keywords: new Set([
    ...C_WORDS.keywords,
    ...words(`asm auto catch char8_t concept
      consteval constexpr constinit const_cast co_await co_return co_yield
      delete dynamic_cast explicit export friend
      mutable namespace new operator private protected public
      reinterpret_cast requires restrict size_of static_cast this throw throws
      typeid typename using virtual final override
      alignas alignof decltype noexcept static_assert
      thread_local try`),
  ]),
  types: new Set([...C_WORDS.types, 'bool']),
  reserved: new Set([
    ...C_WORDS.reserved,
    ...words(`__virtual_inheritance __uuidof __super __single_inheritance
      __multiple_inheritance __interface __event`),
  ]),
});

const ID = '[a-zA-Z_][a-zA-Z0-9_]*';
const DQ = "\\d('?\\d)*";

states.root.unshift(rule(/(?:__offload|__blockingoffload|__outer)\b/, 'kp'));
states.statements.unshift(
  rule(/(class|struct)\b/, 'k', 'classname'),
  rule(/template\b/, 'k', 'template'),
  rule(new RegExp(`${DQ}(\\.${DQ})?(?:y|d|h|(?:min)|s|(?:ms)|(?:us)|(?:ns)|i|(?:if)|(?:il))\\b`), 'mx'),
  rule(new RegExp(`(${DQ}[.](${DQ})?|[.]${DQ})(e[+-]?${DQ}[lu]*)?`, 'i'), 'mf'),
  rule(new RegExp(`${DQ}e[+-]?${DQ}[lu]*`, 'i'), 'mf'),
  rule(/0x[0-9a-fA-F]('?[0-9a-fA-F])*[lu]*/i, 'mh'),
  rule(/0b[01]+('[01]+)*/, 'mb'),
  rule(/0[0-7]('?[0-7])*[lu]*/i, 'mo'),
  rule(new RegExp(`${DQ}[lu]*`, 'i'), 'mi'),
  rule(/\bnullptr\b/, 'nb'),
  rule(/(?:u8|u|U|L)?R"([a-zA-Z0-9_{}[\]#<>%:;.?*+\-/^&|~!=,"']{0,16})\([\s\S]*?\)\1"/, 's'),
  rule(/(::|<=>)/, 'o'),
  rule(/[{}]/, 'p'),
);
states.classname = [
  rule(new RegExp(ID), 'nc', '#pop'),
  mixin('whitespace'),
  rule(/[.]{3}/, 'o'),
  rule(/,/, 'p', '#pop'),
  action(/(?:)/, (_m, lexer) => pop(lexer.stack)),
];
states.template = [rule(/[>;]/, 'p', '#pop'), rule(/typename\b/, 'k', 'classname'), mixin('statements')];
states.case = [rule(/:(?!:)/, 'p', '#pop'), mixin('statements')];

export const CPP = lexer(states, C_START);
