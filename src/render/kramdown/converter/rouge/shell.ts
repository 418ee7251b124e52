/**
 * Rouge 3.30's shell lexer (lexers/shell.rb: `shell`, `bash`, `zsh`, `ksh`, `sh`), rule for rule.
 * Ruby's `\s` is ASCII whitespace, its `.` anything but a newline; `$` ends a line; `\Z` is the end or a
 * last newline.
 */
import { action, emitGroups, groups, lexer, mixin, pop, rule } from './regex-lexer.ts';

const KEYWORDS = 'if fi else while do done for then return function select continue until esac elif in'
  .split(' ')
  .join('|');

const BUILTINS = `alias bg bind break builtin caller cd command compgen
  complete declare dirs disown enable eval exec exit
  export false fc fg getopts hash help history jobs let
  local logout mapfile popd pushd pwd read readonly set
  shift shopt source suspend test time times trap true type
  typeset ulimit umask unalias unset wait
  cat tac nl od base32 base64 fmt pr fold head tail split csplit
  wc sum cksum b2sum md5sum sha1sum sha224sum sha256sum sha384sum
  sha512sum sort shuf uniq comm ptx tsort cut paste join tr expand
  unexpand ls dir vdir dircolors cp dd install mv rm shred link ln
  mkdir mkfifo mknod readlink rmdir unlink chown chgrp chmod touch
  df du stat sync truncate echo printf yes expr tee basename dirname
  pathchk mktemp realpath pwd stty printenv tty id logname whoami
  groups users who date arch nproc uname hostname hostid uptime chcon
  runcon chroot env nice nohup stdbuf timeout kill sleep factor numfmt
  seq tar grep sudo awk sed gzip gunzip`
  .split(/\s+/)
  .join('|');

const S = '[ \\t\\n\\v\\f\\r]';

export const SHELL = lexer({
  basic: [
    rule(/#[^\n]*$/m, 'c'),
    rule(new RegExp(`\\b(${KEYWORDS})${S}*\\b`), 'k'),
    rule(/\bcase\b/, 'k', 'case'),
    rule(new RegExp(`\\b(${BUILTINS})${S}*\\b(?!(\\.|-))`), 'nb'),
    rule(new RegExp(`[.](?=${S})`), 'nb'),
    groups(/(\b\w+)(=)/, ['nv', 'o']),
    rule(/[[\]{}()!=>]/, 'o'),
    rule(/&&|\|\|/, 'o'),
    rule(/<<</, 'o'),
    action(new RegExp(`(<<-?)(${S}*)(['"]?)(\\\\?)(\\w+)(\\3)`), (m, lexer) => {
      emitGroups(lexer, ['o', '', 'sh', 'sh', 'no', 'sh'], m);
      lexer.memory.heredoc = m[5];
      lexer.stack.push('heredoc');
    }),
  ],
  heredoc: [rule(/\n/, 'sh', 'heredoc_nl'), rule(/[^$\n\\]+/, 'sh'), mixin('interp'), rule(/[$]/, 'sh')],
  heredoc_nl: [
    action(new RegExp(`${S}*(\\w+)${S}*\\n`), (m, lexer) => {
      if (m[1] === lexer.memory.heredoc) {
        lexer.emit('no', m[0]);
        pop(lexer.stack, 2);
      } else lexer.emit('sh', m[0]);
    }),
    action(/(?:)/, (_m, lexer) => pop(lexer.stack)),
  ],
  double_quotes: [rule(/(?:\$#?)?"/, 's2', '#pop'), mixin('interp'), rule(/[^"`\\$]+/, 's2')],
  ansi_string: [rule(/\\[^\n]/, 'se'), rule(/[^\\']+/, 's1'), mixin('single_quotes')],
  single_quotes: [rule(/'/, 's1', '#pop'), rule(/[^']+/, 's1')],
  data: [
    rule(new RegExp(`${S}+`), ''),
    rule(/\\[^\n]/, 'se'),
    rule(/\$?"/, 's2', 'double_quotes'),
    rule(/\$'/, 's1', 'ansi_string'),
    rule(/'/, 's1', 'single_quotes'),
    rule(/\*/, 'k'),
    rule(/;/, 'p'),
    rule(/--?[\w-]+/, 'nt'),
    rule(/[^=*\t\n\v\f\r {}()$"'`;\\<]+/, ''),
    rule(/\d+(?= |\n?(?![\s\S]))/, 'm'),
    rule(/</, ''),
    mixin('interp'),
  ],
  curly: [
    rule(/\}/, 'k', '#pop'),
    rule(/:-/, 'k'),
    rule(/[a-zA-Z0-9_]+/, 'nv'),
    rule(/[^}:"`'$]+/, 'p'),
    mixin('root'),
  ],
  paren_interp: [rule(/\)/, 'si', '#pop'), rule(/\(/, 'o', 'paren_inner'), mixin('root')],
  paren_inner: [rule(/\(/, 'o', '#push'), rule(/\)/, 'o', '#pop'), mixin('root')],
  math: [
    rule(/\)\)/, 'k', '#pop'),
    rule(/[-+*/%^|&!]|\*\*|\|\|/, 'o'),
    rule(/\d+(#\w+)?/, 'm'),
    mixin('root'),
  ],
  case: [rule(/\besac\b/, 'k', '#pop'), rule(/\|/, 'p'), rule(/\)/, 'p', 'case_stanza'), mixin('root')],
  case_stanza: [rule(/;;/, 'p', '#pop'), mixin('root')],
  backticks: [rule(/`/, 'sb', '#pop'), mixin('root')],
  interp: [
    rule(/\\$/m, 'se'),
    rule(/\\[^\n]/, 'se'),
    rule(/\$\(\(/, 'k', 'math'),
    rule(/\$\(/, 'si', 'paren_interp'),
    rule(/\$\{#?/, 'k', 'curly'),
    rule(/`/, 'sb', 'backticks'),
    rule(/\$#?(\w+|[^\n])/, 'nv'),
    rule(/\$[*@]/, 'nv'),
  ],
  root: [mixin('basic'), mixin('data')],
});
