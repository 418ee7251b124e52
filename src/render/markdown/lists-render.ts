/**
 * Lists written the way kramdown writes them: items indented two spaces per level, a nested
 * list on its own indented lines, and no `start` attribute (kramdown ignores the first number).
 * The whitespace matters beyond looks: themes strip the tags from an excerpt to make a
 * description, and the words of two items must stay apart.
 */
import type { MarkdownIt, Token } from 'markdown-it';

export function listRendering(md: MarkdownIt): void {
  const depthOf = (tokens: Token[], idx: number) => {
    let depth = 0;
    for (let i = 0; i < idx; i++) {
      const type = tokens[i].type;
      if (type === 'bullet_list_open' || type === 'ordered_list_open') depth++;
      if (type === 'bullet_list_close' || type === 'ordered_list_close') depth--;
    }
    return depth;
  };
  const pad = (n: number) => '  '.repeat(n);
  for (const kind of ['bullet_list', 'ordered_list'] as const) {
    const tag = kind === 'bullet_list' ? 'ul' : 'ol';
    md.renderer.rules[`${kind}_open`] = (tokens, idx) => {
      const depth = depthOf(tokens, idx);
      const nested = depth > 0;
      return `${nested ? `\n${pad(depth * 2)}` : ''}<${tag}${md.renderer.renderAttrs({ ...tokens[idx], attrs: (tokens[idx].attrs ?? []).filter(([name]) => name !== 'start') } as Token)}>\n`;
    };
    md.renderer.rules[`${kind}_close`] = (tokens, idx) => {
      const depth = depthOf(tokens, idx) - 1;
      return `${pad(depth * 2)}</${tag}>\n${depth > 0 ? pad(depth * 2 - 1) : ''}`;
    };
  }
  md.renderer.rules.list_item_open = (tokens, idx, options, _env, self) =>
    `${pad(depthOf(tokens, idx) * 2 - 1)}${self.renderToken(tokens, idx, options).trimEnd()}`;
  md.renderer.rules.list_item_close = () => '</li>\n';
}
