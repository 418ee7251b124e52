export { createLiquid, type JekyllLiquid, type LiquidSetup, type RenderOptions } from './engine.ts';
export { rubyInspect, rubyString } from './ruby-output.ts';
export { siteUrlLookups } from './tags/link.ts';
