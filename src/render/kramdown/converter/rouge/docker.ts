/** Rouge 3.30's Dockerfile lexer (lexers/docker.rb: `docker`, `dockerfile`, `Dockerfile`), rule for rule. */
import { action, groups, type LexerProgress, type LexerState, lexer, rule, startOf } from './regex-lexer.ts';
import { SHELL } from './shell.ts';

const KEYWORDS =
  'FROM|MAINTAINER|CMD|LABEL|EXPOSE|ENV|ADD|COPY|ENTRYPOINT|VOLUME|USER|WORKDIR|ARG|STOPSIGNAL|HEALTHCHECK|SHELL';
const S = '[ \\t\\n\\v\\f\\r]';

function shell(lexer: LexerState): LexerProgress {
  lexer.memory.shell ??= startOf(SHELL);
  return lexer.memory.shell as LexerProgress;
}

export const DOCKER = lexer({
  root: [
    rule(new RegExp(`${S}+`), ''),
    groups(new RegExp(`^(FROM)(${S}+)([^\\n]*)(${S}+)(AS)(${S}+)([^\\n]*)`, 'i'), [
      'k',
      'w',
      's',
      'w',
      'k',
      'w',
      's',
    ]),
    groups(new RegExp(`^(ONBUILD)(${S}+)(${KEYWORDS})([^\\n]*)`, 'i'), ['k', 'w', 'k', 's']),
    groups(new RegExp(`^(${KEYWORDS})\\b([^\\n]*)`, 'i'), ['k', 's']),
    rule(/#[^\n]*?$/m, 'c'),
    action(new RegExp(`^(ONBUILD${S}+)?RUN(${S}+)`, 'i'), (m, lexer) => {
      lexer.emit('k', m[0]);
      lexer.stack.push('run');
      lexer.memory.shell = startOf(SHELL);
    }),
    rule(/\w+/, ''),
    rule(/[^\w]+/, ''),
    rule(/[^\n]/, ''),
  ],
  run: [
    rule(/\n/, '', '#pop'),
    rule(/\\[\s\S]/, 'se'),
    action(/(\\[^\n]|[^\n\\])+/, (m, lexer) => lexer.delegate(SHELL, m[0], shell(lexer))),
  ],
});
