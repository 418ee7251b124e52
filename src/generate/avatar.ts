/**
 * jekyll-avatar 0.8: `{% avatar user %}` (or `user=page.author`, `size=80`, `lazy=true`) is the
 * `<img>` of a GitHub user's avatar, at 1x to 4x.
 */
import { crc32 } from 'node:zlib';
import { type Context, type Liquid, Tag, type TagToken, type Template, type TopLevelToken } from 'liquidjs';
import type { Plugin } from './index.ts';

const SERVERS = 4;
const DEFAULT_SIZE = '40';
const API_VERSION = '3';

export const avatar: Plugin = {
  name: 'jekyll-avatar',
  liquid(liquid: Liquid): void {
    liquid.registerTag('avatar', AvatarTag);
  },
};

class AvatarTag extends Tag {
  private readonly markup: Template[];
  private readonly size: string;
  private readonly userVariable: string | undefined;

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    const text = token.args.trim();
    this.markup = liquid.parse(text);
    this.size = /\bsize=(\d+)\b/i.exec(text)?.[1] ?? DEFAULT_SIZE;
    this.userVariable = /\buser=([\w.]+)\b/.exec(text)?.[1];
  }

  *render(ctx: Context): Generator<unknown, string, unknown> {
    const text = (yield this.liquid.renderer.renderTemplates(this.markup, ctx)) as string;
    const username = this.userVariable
      ? String(ctx.getSync(this.userVariable.split('.')) ?? this.userVariable)
      : (text.includes(' ') ? text.split(' ')[0] : text).replace(/^@/, '');
    const size = this.size;
    const host = process.env.PAGES_AVATARS_URL;
    const path = (scale: number) =>
      `${username}?v=${API_VERSION}&s=${scale === 1 ? size : Number(size) * scale}`;
    // The server is chosen by the 1x path, for every scale.
    const server = `https://avatars${crc32(path(1)) % SERVERS}.githubusercontent.com/`;
    const url = (scale: number) => (host ? host.replace(/\/?$/, '/') : server) + path(scale);
    const srcset = [1, 2, 3, 4].map((scale) => `${url(scale)} ${scale}x`).join(', ');
    const lazy = text.includes('lazy=true');
    const attributes: [string, string][] = [
      ['class', Number(size) < 48 ? 'avatar avatar-small' : 'avatar'],
      ['alt', username],
      ['width', size],
      ['height', size],
      ['data-proofer-ignore', 'true'],
      ['src', lazy ? '' : url(1)],
      ...((lazy
        ? [
            ['data-src', url(1)],
            ['data-srcset', srcset],
          ]
        : [['srcset', srcset]]) as [string, string][]),
    ];
    return `<img ${attributes.map(([key, value]) => `${key}="${value}"`).join(' ')} />`;
  }
}
