import type { GeneratedFile } from '../../../../core/bundle/artifact-bundle.js';
import { codeLiteral } from '../../naming/code-literal.js';
import { TESTING_HOOK_FILE, TESTING_TITLES } from './testing-test-titles.js';

/**
 * `test/pre-traffic.test.ts` of a canary released with a pre-traffic hook: the hook passes when the
 * new version's run of every check passes (answers built by the real `runChecks` over `CHECKS`),
 * fails on a failed check, a function error or a run of no check, and the template wires it as the
 * alias update's BeforeAllowTrafficHook.
 */
export function canaryPreTrafficTests(baseDir: string): GeneratedFile {
  const content = `import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKS } from '../src/checks';
import { verifyNewVersion } from '../src/pre-traffic';
import type { HookStatus } from '../src/pre-traffic';
import { runChecks } from '../src/run-checks';

function reporter() {
  const statuses: HookStatus[] = [];
  return { statuses, reportStatus: async (status: HookStatus) => void statuses.push(status) };
}

/** The new version's answer when the target answers every check with \`status\` (its expected one when absent). */
async function answerWhenTargetAnswers(status?: number): Promise<string> {
  const results = await runChecks({
    baseUrl: 'https://target.example.test',
    checks: CHECKS,
    fetcher: async (url, init) => {
      const check = CHECKS.find((candidate) => url.endsWith(candidate.path) && candidate.method === init.method);
      return { status: status ?? check?.expectedStatus[0] ?? 200 };
    },
    clock: () => 0,
  });
  const failed = results.filter((result) => !result.ok).length;
  return JSON.stringify({ passed: results.length - failed, failed, results });
}

describe('verifyNewVersion', () => {
  it(${codeLiteral(TESTING_TITLES.hookPasses)}, async () => {
    const { statuses, reportStatus } = reporter();
    const payloads: string[] = [];
    const answer = await answerWhenTargetAnswers();
    const invoke = async (payload: string) => {
      payloads.push(payload);
      return answer;
    };
    expect(await verifyNewVersion({ invoke, reportStatus, log: () => undefined })).toEqual({ status: 'Succeeded', failures: [] });
    expect(payloads).toHaveLength(1);
    expect(statuses).toEqual(['Succeeded']);
  });

  it(${codeLiteral(TESTING_TITLES.hookFails)}, async () => {
    const { statuses, reportStatus } = reporter();
    const answer = await answerWhenTargetAnswers(599);
    const result = await verifyNewVersion({ invoke: async () => answer, reportStatus, log: () => undefined });
    expect(result.status).toBe('Failed');
    expect(result.failures).toHaveLength(CHECKS.length);
    expect(statuses).toEqual(['Failed']);
  });

  it(${codeLiteral(TESTING_TITLES.hookErrors)}, async () => {
    const errors = reporter();
    const invoke = async (): Promise<string> => {
      throw new Error('function error: boom');
    };
    expect((await verifyNewVersion({ invoke, reportStatus: errors.reportStatus, log: () => undefined })).status).toBe('Failed');
    expect(errors.statuses).toEqual(['Failed']);
    const empty = reporter();
    const none = JSON.stringify({ passed: 0, failed: 0, results: [] });
    expect((await verifyNewVersion({ invoke: async () => none, reportStatus: empty.reportStatus, log: () => undefined })).status).toBe('Failed');
    expect(empty.statuses).toEqual(['Failed']);
  });
});

describe('release', () => {
  it(${codeLiteral(TESTING_TITLES.hookRuns)}, () => {
    const template = readFileSync(join(__dirname, '..', 'template.yaml'), 'utf8');
    const alias = /^ {2}CanaryFunctionAlias:\\n((?: {4}.*\\n)+)/m.exec(template)?.[1] ?? '';
    expect(alias).toMatch(/^ {8}BeforeAllowTrafficHook: !Ref PreTrafficHookFunction$/m);
    expect(template).toMatch(/^ {10}TARGET_VERSION_ARN: !Ref CanaryFunctionVersion$/m);
  });
});
`;
  return { path: `${baseDir}/${TESTING_HOOK_FILE}`, role: 'test', content };
}
