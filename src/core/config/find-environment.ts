/**
 * The configured environment a name means: the one written exactly so, else the one that differs
 * only in case, since GitHub treats environment names without regard to case (GitHub Docs,
 * "Managing environments for deployment") and the config refuses two names that differ only in
 * case. Only the map's own entries count: `toString` or `constructor` never resolve to
 * `Object.prototype` members. Undefined when no environment has that name.
 */
export function findEnvironment<T>(
  environments: Readonly<Record<string, T>>,
  name: string,
): { readonly name: string; readonly config: T } | undefined {
  const configured = Object.hasOwn(environments, name)
    ? name
    : Object.keys(environments).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  if (configured === undefined) return undefined;
  const config = environments[configured];
  return config === undefined ? undefined : { name: configured, config };
}
