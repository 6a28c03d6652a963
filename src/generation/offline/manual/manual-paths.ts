/** Where a manual-mode bundle puts its specification: `docs/implementation/<slug>.md` (DESIGN §4, issue #9 item 5). */
export function specificationPath(slug: string): string {
  return `docs/implementation/${slug}.md`;
}

/** The acceptance tests of a manual-mode service, under its own `test/` so its `npm test` runs them. */
export function acceptanceTestPath(baseDir: string): string {
  return `${baseDir}/test/acceptance.test.ts`;
}
