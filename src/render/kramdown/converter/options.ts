// Placeholder: replaced by option resolution (Jekyll's defaults, kramdown's validation).
import type { KramdownOptions } from '../options.ts';

export function resolveOptions(config: Record<string, unknown>): KramdownOptions {
  return config as unknown as KramdownOptions;
}
