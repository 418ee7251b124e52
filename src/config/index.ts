export { type Config, JEKYLL_DEFAULTS } from './defaults.ts';
export { type SiteFolders, siteFolders } from './folders.ts';
export { FrontMatterDefaults } from './front-matter-defaults.ts';
export { ALWAYS_ON_PLUGINS, PLUGIN_WHITELIST, type PublishingMode, publishingMode } from './github-pages.ts';
export { type ConfigOptions, deepMerge, type LoadedConfig, loadConfig, permalinkStyle } from './load.ts';
export { type SiteSettings, siteSettings } from './settings.ts';
