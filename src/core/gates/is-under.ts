/**
 * Whether `path` is `allowed` or inside it: `src`, `src/` and `src/**` all mean "the src directory and
 * everything in it"; an exact file path matches itself; `.`, `**` and `./` mean everywhere.
 */
export function isUnder(path: string, allowed: string): boolean {
  const prefix = allowed
    .replace(/^\.\//, '')
    .replace(/\/\*\*$/, '')
    .replace(/\/+$/, '');
  if (prefix === '' || prefix === '**' || prefix === '.') return true;
  return path === prefix || path.startsWith(`${prefix}/`);
}
