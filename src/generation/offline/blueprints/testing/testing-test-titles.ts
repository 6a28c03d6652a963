/** Titles of the generated tests, shared by the test file and the coverage that cites them. */
export const TESTING_FILE = 'test/run-checks.test.ts';
/** The pre-traffic hook's tests, generated when the canary's releases shift traffic. */
export const TESTING_HOOK_FILE = 'test/pre-traffic.test.ts';

export const TESTING_TITLES = {
  status: 'fails a check whose status is not expected',
  slow: 'fails a check that is too slow or cannot connect',
  metrics: 'reports checks run and failed in embedded metric format',
  schedule: 'the template runs the checks on the schedule the request names',
  hookRuns: 'the pre-traffic hook runs the new version before any traffic shifts',
  hookPasses: 'reports Succeeded when every check of the new version passes',
  hookFails: 'reports Failed when a check of the new version fails',
  hookErrors: 'reports Failed when the new version errors or runs no check',
} as const;

/** The generated test proving the alarm waits for `count` failed runs in a row. */
export function inARowTitle(count: number): string {
  return `the alarm fires only after ${count} failed runs in a row`;
}
