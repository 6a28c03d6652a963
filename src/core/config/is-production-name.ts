/**
 * Whether an environment name says production, the one rule the agent uses everywhere (config
 * defaults, the risk classifier, GitHub's `production_environment`, production-shaped generated
 * resources): `prod` or `production` (any case), alone or followed by a separator or digit and
 * more — `prod-eu`, `production_us`, `prod-eu-west-1`, `prod2`. A name that only starts with the
 * letters (`products`, `prodigy`) is not production. Our own convention: GitHub gives environment
 * names no meaning ("Managing environments for deployment").
 */
export function isProductionName(name: string): boolean {
  return /^prod(uction)?([-_.\d].*)?$/is.test(name);
}
