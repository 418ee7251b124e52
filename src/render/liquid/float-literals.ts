/**
 * liquidjs reads the literal `1.0` as the number 1; Ruby's Liquid keeps a Float, printed `1.0`.
 * liquidjs has no hook for number literals, so its tokenizer's `readNumber` is wrapped: the one
 * patch of liquidjs, written against the version package.json pins (test/render/liquid/
 * float-literals.test.ts fails when that method changes). Upstream, an engine option to make the
 * value of a number literal (as `parseNumber`) would replace it.
 */
import { Tokenizer } from 'liquidjs';
import { rubyFloat } from '../../ruby/values.ts';

const installed = Symbol('scholarsite float literals');

/** Make number literals with a decimal point Ruby Floats; installing again changes nothing. */
export function installFloatLiterals(): void {
  const prototype = Tokenizer.prototype as Tokenizer & { [installed]?: true };
  if (prototype[installed]) return;
  const readNumber = prototype.readNumber;
  prototype.readNumber = function (this: Tokenizer) {
    const token = readNumber.call(this);
    if (token?.getText().includes('.')) (token as { content: unknown }).content = rubyFloat(token.content);
    return token;
  };
  prototype[installed] = true;
}
