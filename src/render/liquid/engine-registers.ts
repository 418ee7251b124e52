/** Names of the values the engine keeps in liquidjs's render context. */
export const CURRENT_FILE = 'scholarsiteCurrentFile';
