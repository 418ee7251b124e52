/** Code text as Rouge and kramdown escape it: `&`, `<` and `>` only. */
export function escapeCode(code: string): string {
  return code.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
