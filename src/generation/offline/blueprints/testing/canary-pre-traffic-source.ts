import type { GeneratedFile } from '../../../../core/bundle/artifact-bundle.js';
import { PRE_TRAFFIC_CONTRACT, PRE_TRAFFIC_HOOK_SOURCE } from '../../project/pre-traffic-hook-source.js';

/**
 * The canary's `verifyNewVersion`: one run of the new version's checks, before CodeDeploy moves the
 * `live` alias the schedule invokes. A failed check fails the release as a function error does: a
 * pre-traffic hook is there to keep a version whose checks fail from taking over, and the handler
 * reports failed checks in its answer (not as a function error: its Errors metric is kept for a
 * broken canary, which is what the alias's error alarm rolls back on).
 */
const CANARY_PRE_TRAFFIC = `import type { CheckResult } from './run-checks';

${PRE_TRAFFIC_CONTRACT}
/**
 * Invokes the new canary version once (the scheduled run's payload, none) and reads its answer: every
 * failed check, a function error, or an answer that ran no check reports Failed, which makes
 * CodeDeploy stop the release and keep the schedule on the current version.
 */
export async function verifyNewVersion(deps: PreTrafficDependencies): Promise<{ status: HookStatus; failures: string[] }> {
  const log = deps.log ?? ((entry) => console.log(JSON.stringify(entry)));
  let failures: string[];
  try {
    failures = failuresIn(await deps.invoke('{}'));
  } catch (error) {
    failures = ['the new version did not run its checks: ' + (error instanceof Error ? error.message : String(error))];
  }
  const status: HookStatus = failures.length === 0 ? 'Succeeded' : 'Failed';
  log({ level: status === 'Succeeded' ? 'info' : 'error', hook: 'pre-traffic', status, failures });
  await deps.reportStatus(status);
  return { status, failures };
}

/** The failed checks in the handler's answer (\`{ passed, failed, results }\`); an answer with no results is one failure. */
export function failuresIn(answer: string): string[] {
  const parsed = JSON.parse(answer) as { results?: unknown };
  if (!Array.isArray(parsed.results) || parsed.results.length === 0) return ['the new version ran no check'];
  return (parsed.results as Partial<CheckResult>[])
    .filter((result) => result.ok !== true)
    .map((result) => String(result.name ?? 'a check') + ': ' + String(result.error ?? 'not ok'));
}
`;

/** `src/pre-traffic.ts` (the canary's checks run once) and the shared hook entry `src/pre-traffic-hook.ts`. */
export function canaryPreTrafficSource(baseDir: string): GeneratedFile[] {
  return [
    { path: `${baseDir}/src/pre-traffic.ts`, role: 'source', content: CANARY_PRE_TRAFFIC },
    { path: `${baseDir}/src/pre-traffic-hook.ts`, role: 'source', content: PRE_TRAFFIC_HOOK_SOURCE },
  ];
}
