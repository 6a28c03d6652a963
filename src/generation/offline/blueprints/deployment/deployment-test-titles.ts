/** Titles of the generated tests, shared by the test files and the coverage that cites them. */
export const DEPLOYMENT_FILES = {
  service: 'test/service.test.ts',
  hook: 'test/pre-traffic.test.ts',
  template: 'test/template.test.ts',
} as const;

export const DEPLOYMENT_TITLES = {
  hookPasses: 'reports Succeeded when the new version passes every probe',
  hookFails: 'reports Failed when the new version is misconfigured',
  hookRuns: 'the pre-traffic hook runs before any traffic shifts',
  rollsBack: 'a release stops and rolls back when its alarms fire',
} as const;

export function releaseTitle(configName: string): string {
  return `releases shift the live alias with ${configName}`;
}

export function latencyTitle(thresholdMs: number): string {
  return `a release rolls back when p99 latency stays above ${thresholdMs} ms`;
}
