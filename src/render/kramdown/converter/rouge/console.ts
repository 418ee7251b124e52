/**
 * Rouge 3.30's console lexer (lexers/console.rb: `console`, `terminal`, `shell_session`,
 * `shell-session`) with its default options: line by line, a prompt (up to the first `$`, `#`, `>`
 * or `;`) followed by shell code, a snip (`...`), or output.
 */
import { action, type LexerProgress, type LexerState, lexer, startOf } from './regex-lexer.ts';
import { SHELL } from './shell.ts';

const SNIP = /^[ \t\n\v\f\r]*(?:<[.]+>|[.]+)[ \t\n\v\f\r]*$/;
const PROMPT = /^[\s\S]*?(?:\$|#|>|;)/;
const LEADING_SPACE = /^[ \t\n\v\f\r]*/;

/** The shell lexer goes on from one prompt's line to the next, until a snip or output resets it. */
function shell(lexer: LexerState): LexerProgress {
  lexer.memory.shell ??= startOf(SHELL);
  return lexer.memory.shell as LexerProgress;
}

function line(m: RegExpExecArray, lexer: LexerState): void {
  const text = m[0];
  if (SNIP.test(text)) {
    lexer.memory.shell = startOf(SHELL);
    lexer.emit('c', text);
    return;
  }
  const prompt = PROMPT.exec(text);
  if (!prompt) {
    lexer.memory.shell = startOf(SHELL);
    lexer.emit('go', text);
    return;
  }
  lexer.emit('gp', prompt[0]);
  const rest = text.slice(prompt[0].length);
  const space = (LEADING_SPACE.exec(rest) as RegExpExecArray)[0];
  lexer.emit('w', space);
  lexer.delegate(SHELL, rest.slice(space.length), shell(lexer));
}

export const CONSOLE = lexer({ root: [action(/[^\n]*?(?:\n|$)/, line)] });
