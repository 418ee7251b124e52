/** Where a setting is in a YAML text, for messages that name the line. */

/** The 1-based line of the top-level `key:` in `yaml`; undefined when it is not there. */
export function keyLine(yaml: string, key: string): number | undefined {
  const at = yaml
    .split('\n')
    .findIndex((line) => line.startsWith(key) && /^[ \t]*:/.test(line.slice(key.length)));
  return at < 0 ? undefined : at + 1;
}
