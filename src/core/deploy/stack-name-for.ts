/**
 * The stack an environment deploys to: the configured name, else `<task slug>-<environment>`
 * (the branch `implementation/12-orders-api` gives `orders-api-staging`).
 */
export function stackNameFor(params: { configured?: string; branch: string; environment: string }): string {
  if (params.configured) return params.configured;
  const slug = params.branch.replace(/^implementation\/(\d+|local)-/, '').replace(/[^A-Za-z0-9-]+/g, '-');
  const name = `${slug}-${params.environment}`.replace(/^[^A-Za-z]+/, '').replace(/-+/g, '-');
  return (name || `stack-${params.environment}`).slice(0, 128);
}
