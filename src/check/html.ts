/**
 * Invalid HTML, by html-validate (https://html-validate.org): only what breaks a page, not
 * style. Browsers repair misnested or unclosed markup by guessing, so the page may not show what
 * was meant: a stray `</p>` becomes an empty paragraph, an `<li>` outside a list loses its list,
 * a quote inside an attribute cuts the tag short.
 *
 * Tuned on five real academicpages sites: what academicpages' themes write the old way and every
 * browser shows as meant (`<center>`, `<font>`, `<strike>`, `<style>` in the body, a `<div>` in
 * the menu `<button>`, sizes written `480px`, `<a name>`), and what only matters for
 * accessibility or style, is let through. Duplicate ids and titles have checks of their own.
 */
import { type ConfigData, HtmlValidate, type Message } from 'html-validate';
import type { Finding } from './problem.ts';
import type { BuiltPage } from './site.ts';

const CONFIG: ConfigData = {
  root: true,
  elements: [
    'html5',
    {
      button: { permittedContent: ['@flow'] },
      center: { flow: true, permittedContent: ['@flow'] },
      font: { flow: true, phrasing: true, permittedContent: ['@phrasing'] },
      strike: { flow: true, phrasing: true, permittedContent: ['@phrasing'] },
      style: { flow: true, phrasing: true },
      // Reported by the title check, as a warning.
      head: { requiredContent: [] },
      // Accessibility advice, not breakage.
      html: { attributes: { lang: { required: false } } },
      iframe: { attributes: { title: { required: false } } },
      embed: { attributes: { title: { required: false } } },
    },
  ],
  rules: {
    'attr-spacing': 'error',
    'close-attr': 'error',
    'close-order': 'error',
    'element-name': 'error',
    'element-permitted-content': 'error',
    'element-permitted-occurrences': 'error',
    'element-permitted-order': 'error',
    'element-permitted-parent': 'error',
    'element-required-ancestor': 'error',
    'element-required-attributes': 'error',
    'element-required-content': 'error',
    'no-dup-attr': 'error',
    'no-raw-characters': ['error', { relaxed: true }],
    'unrecognized-char-ref': 'error',
    'void-content': 'error',
  },
};

/** Files this large are exported plots or tables, not pages anyone wrote by hand. */
const LARGEST = 2_000_000;

let validator: HtmlValidate | undefined;

export async function checkHtml(page: BuiltPage): Promise<Finding[]> {
  if (page.text.length > LARGEST) return [];
  validator ??= new HtmlValidate(CONFIG);
  const late = lateDoctype(page.text);
  const report = await validator.validateString(late?.text ?? page.text, page.output);
  const lines = page.text.split('\n');
  const findings: Finding[] = late ? [late.finding] : [];
  return findings.concat(
    report.results.flatMap((result) =>
      result.messages.map((message) => {
        const context = contextOf(lines, message.line);
        // The tag that starts the line, to find the layout or include that writes it.
        const tag = /^<[a-z][a-z0-9-]*(\s[^>]*)?>/i.exec(context.line)?.[0];
        return {
          severity: 'error' as const,
          rule: 'invalid-html',
          message: `${message.message} (html-validate: ${message.ruleId})`,
          hint: `${hintFor(message)} The built line: ${context.shown}`,
          outputLine: message.line,
          needles: tag && tag.length >= 8 ? [tag] : undefined,
        };
      }),
    ),
  );
}

/**
 * An element before `<!doctype html>` (an analytics snippet pasted above it) puts browsers in
 * quirks mode, and stops html-validate at the doctype, so that nothing else on the page would be
 * checked: it is reported once, and the rest is checked with what comes before blanked out (lines
 * and columns kept).
 */
function lateDoctype(text: string): { text: string; finding: Finding } | undefined {
  const at = text.search(/<!doctype\s+html/i);
  if (at <= 0) return undefined;
  const before = text.slice(0, at);
  // Only comments and white space may come first; a page that is already under way (a script
  // that writes a doctype) is not this.
  if (/<(html|body)[\s>]/i.test(before)) return undefined;
  const first = /<[a-z][a-z0-9-]*(\s[^>]*)?>/i.exec(
    before.replace(/<!--[\s\S]*?-->/g, (comment) => ' '.repeat(comment.length)),
  );
  if (!first) return undefined;
  const tag = before.slice(first.index, first.index + first[0].length);
  return {
    text: before.replace(/[^\n]/g, ' ') + text.slice(at),
    finding: {
      severity: 'error',
      rule: 'invalid-html',
      message: 'markup comes before <!doctype html>, so browsers show the page in quirks mode',
      hint: `Move what the layout writes before <!doctype html> (often an analytics snippet: ${tag}) into <head>.`,
      outputLine: before.slice(0, first.index).split('\n').length,
      needles: tag.length >= 8 ? [tag] : undefined,
    },
  };
}

function hintFor(message: Message): string {
  switch (message.ruleId) {
    case 'close-order':
      return 'An end tag closes an element that is not open, or an element is left open, so the browser guesses where it ends. Find the tag without its pair (often an include that opens a <div> or <p> it does not close, or Markdown put inside a <p>).';
    case 'parser-error':
    case 'attr-spacing':
      return 'The markup cannot be read as written: often a quote inside an attribute value (write &quot; or use the other quote; in Liquid, `| escape`).';
    case 'element-permitted-content':
    case 'element-permitted-parent':
    case 'element-required-ancestor':
      return 'This element may not be inside that one; browsers move or ignore it. Put it where it belongs (an <li> in a <ul> or <ol>, a whole <html> document never inside a page).';
    case 'element-required-attributes':
      return 'Add the attribute, or remove the element.';
    case 'no-dup-attr':
      return 'An attribute is written twice on one element; browsers keep only the first. Merge them.';
    case 'unrecognized-char-ref':
    case 'no-raw-characters':
      return 'Write & as &amp; when it does not start a character reference such as &eacute;.';
    case 'void-content':
      return 'Elements such as <br>, <img> and <input> have no end tag and no content.';
    default:
      return 'Correct the markup.';
  }
}

/** The built line, or the one before when it is only an end tag (`</p>` says little by itself). */
function contextOf(lines: string[], line: number): { line: string; shown: string } {
  const shorten = (text: string) => (text.length > 140 ? `${text.slice(0, 137)}...` : text);
  const own = (lines[line - 1] ?? '').trim();
  if (!/^<\/[a-z][a-z0-9-]*>$/i.test(own)) return { line: own, shown: shorten(own) };
  let before = line - 2;
  while (before >= 0 && !lines[before].trim()) before--;
  if (before < 0) return { line: own, shown: own };
  const previous = lines[before].trim();
  return { line: previous, shown: `${shorten(previous)} ⏎ ${own}` };
}
