import type { GeneratedFile } from '../../../../core/bundle/artifact-bundle.js';
import { logRetentionTest } from '../../cfn/log-retention-test.js';
import { codeLiteral } from '../../naming/code-literal.js';
import { commentSafe } from '../../naming/comment-safe.js';
import type { StoryCheck } from './story-checks.js';
import { TESTING_FILE, TESTING_TITLES, inARowTitle } from './testing-test-titles.js';

/**
 * Jest suites: how checks are judged and reported, what the template promises (the schedule, the
 * alarm's runs in a row, every log group's retention), then one test per story's check.
 */
export function testingTests(params: {
  baseDir: string;
  checks: readonly StoryCheck[];
  /** An expression this blueprint wrote (rate/cron characters only), so JSON quoting is enough. */
  schedule: string;
  /** The template's default log retention, in days (`logRetentionDays`). */
  logDays: number;
  inARow?: { readonly count: number; readonly periodSeconds: number };
}): GeneratedFile[] {
  const { baseDir, checks, schedule, inARow } = params;
  const inARowTest =
    inARow === undefined
      ? ''
      : `

  it(${codeLiteral(inARowTitle(inARow.count))}, () => {
    const template = readFileSync(join(__dirname, '..', 'template.yaml'), 'utf8');
    const alarm = /^ {2}ChecksFailedAlarm:\\n((?: {4}.*\\n)+)/m.exec(template)?.[1] ?? '';
    expect(alarm).toMatch(/^ {6}Period: ${inARow.periodSeconds}$/m);
    expect(alarm).toMatch(/^ {6}EvaluationPeriods: ${inARow.count}$/m);
    expect(alarm).toMatch(/^ {6}DatapointsToAlarm: ${inARow.count}$/m);
  });`;
  const stories = checks.map(
    ({ comment, title, name, path, method, expectedStatus, body }) => `  // ${commentSafe(comment)}
  it(${codeLiteral(title)}, async () => {
    const check = CHECKS.find((candidate) => candidate.name === ${codeLiteral(name)});
    expect(check).toBeDefined();
    const requested: string[] = [];
    const sent: { method: string; body?: string }[] = [];
    const results = await runChecks({ baseUrl: BASE_URL, checks: [check!], fetcher: answering(${expectedStatus}, requested, sent), clock: steadyClock() });
    expect(requested).toEqual([BASE_URL + ${codeLiteral(path)}]);
    expect(sent).toEqual([{ method: ${codeLiteral(method)}${body === undefined ? '' : `, body: ${JSON.stringify(JSON.stringify(body))}`} }]);
    expect(results[0]).toMatchObject({ name: ${codeLiteral(name)}, ok: true, status: ${expectedStatus} });
    const other = await runChecks({ baseUrl: BASE_URL, checks: [check!], fetcher: answering(${expectedStatus === 200 ? 500 : 200}), clock: steadyClock() });
    expect(other[0]?.ok).toBe(false);
  });
`,
  );
  const content = `import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKS } from '../src/checks';
import type { Check } from '../src/checks';
import { metricsRecord } from '../src/metrics';
import { joinUrl, runChecks } from '../src/run-checks';
import type { Fetcher } from '../src/run-checks';

const BASE_URL = 'https://target.example.test/prod';

function answering(status: number, requested: string[] = [], sent: { method: string; body?: string }[] = []): Fetcher {
  return async (url, init) => {
    requested.push(url);
    sent.push({ method: init.method, ...(init.body === undefined ? {} : { body: init.body }) });
    return { status };
  };
}

/** Each reading is 5 ms after the previous one. */
function steadyClock(): () => number {
  let now = 0;
  return () => (now += 5);
}

const CHECK: Check = { name: 'sample', method: 'GET', path: '/sample', expectedStatus: [200], maxLatencyMs: 1000 };

describe('runChecks', () => {
  it(${codeLiteral(TESTING_TITLES.status)}, async () => {
    const [result] = await runChecks({ baseUrl: BASE_URL, checks: [CHECK], fetcher: answering(503), clock: steadyClock() });
    expect(result).toMatchObject({ ok: false, status: 503, error: 'status 503, expected 200' });
  });

  it(${codeLiteral(TESTING_TITLES.slow)}, async () => {
    const slow = await runChecks({ baseUrl: BASE_URL, checks: [{ ...CHECK, maxLatencyMs: 1 }], fetcher: answering(200), clock: steadyClock() });
    expect(slow[0]?.ok).toBe(false);
    const refused: Fetcher = async () => {
      throw new Error('connect ECONNREFUSED');
    };
    const down = await runChecks({ baseUrl: BASE_URL, checks: [CHECK], fetcher: refused, clock: steadyClock() });
    expect(down[0]).toMatchObject({ ok: false, error: 'connect ECONNREFUSED' });
  });

  it('keeps the base URL path when joining', () => {
    expect(joinUrl('https://host.test/prod/', '/orders')).toBe('https://host.test/prod/orders');
  });
});

describe('schedule', () => {
  it(${codeLiteral(TESTING_TITLES.schedule)}, () => {
    const template = readFileSync(join(__dirname, '..', 'template.yaml'), 'utf8');
    const parameter = /^ {2}ScheduleExpression:\\n(?: {4}.*\\n)*? {4}Default: "?([^"\\n]+)"?$/m.exec(template);
    expect(parameter?.[1]).toBe(${JSON.stringify(schedule)});
    expect(template).toMatch(/^ {6}ScheduleExpression: !Ref ScheduleExpression$/m);
  });${inARowTest}
});

describe('log retention in the template', () => {${logRetentionTest(params.logDays)}});

describe('metricsRecord', () => {
  it(${codeLiteral(TESTING_TITLES.metrics)}, () => {
    const record = JSON.parse(
      metricsRecord({
        namespace: 'Synthetics/Test',
        canary: 'test',
        timestamp: 1,
        results: [
          { name: 'a', url: 'u', ok: true, latencyMs: 1 },
          { name: 'b', url: 'u', ok: false, latencyMs: 1, error: 'down' },
        ],
      }),
    ) as Record<string, unknown>;
    expect(record).toMatchObject({ Canary: 'test', ChecksRun: 2, ChecksFailed: 1, failures: [{ name: 'b', url: 'u', error: 'down' }] });
    expect(JSON.stringify(record['_aws'])).toContain('"Namespace":"Synthetics/Test"');
  });
});

describe(${codeLiteral(checks.some((check) => !check.guessed) ? 'the routes the request names' : 'user stories')}, () => {
${stories.join('\n')}});
`;
  return [{ path: `${baseDir}/${TESTING_FILE}`, role: 'test', content }];
}
