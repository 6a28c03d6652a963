import type { GeneratedFile } from '../../../../core/bundle/artifact-bundle.js';
import { codeLiteral } from '../../naming/code-literal.js';
import { commentSafe } from '../../naming/comment-safe.js';
import type { StoryCheck } from './story-checks.js';

const RUN_CHECKS = `import type { Check } from './checks';

export interface CheckResult {
  name: string;
  url: string;
  ok: boolean;
  status?: number;
  latencyMs: number;
  error?: string;
}

/** The slice of fetch the canary needs, so tests can answer without a network. */
export type Fetcher = (
  url: string,
  init: { method: string; signal: AbortSignal; redirect: 'manual'; headers?: Record<string, string>; body?: string },
) => Promise<{ status: number }>;

export interface RunChecksParams {
  baseUrl: string;
  checks: readonly Check[];
  fetcher: Fetcher;
  clock?: () => number;
  timeoutMs?: number;
}

/** Requests every check's URL (one at a time, to keep load on the target predictable) and judges the answer. */
export async function runChecks(params: RunChecksParams): Promise<CheckResult[]> {
  const clock = params.clock ?? (() => performance.now());
  const results: CheckResult[] = [];
  for (const check of params.checks) {
    const url = joinUrl(params.baseUrl, check.path);
    const started = clock();
    try {
      const body = check.body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(check.body) };
      const response = await params.fetcher(url, { method: check.method, signal: AbortSignal.timeout(params.timeoutMs ?? 10_000), redirect: 'manual', ...body });
      const latencyMs = Math.round(clock() - started);
      const statusOk = check.expectedStatus.includes(response.status);
      const fastEnough = latencyMs <= check.maxLatencyMs;
      const error = !statusOk
        ? 'status ' + response.status + ', expected ' + check.expectedStatus.join(' or ')
        : !fastEnough
          ? 'took ' + latencyMs + ' ms, limit ' + check.maxLatencyMs + ' ms'
          : undefined;
      results.push({ name: check.name, url, ok: error === undefined, status: response.status, latencyMs, ...(error === undefined ? {} : { error }) });
    } catch (caught) {
      const error = caught instanceof Error ? caught.message : String(caught);
      results.push({ name: check.name, url, ok: false, latencyMs: Math.round(clock() - started), error });
    }
  }
  return results;
}

/** Keeps the base URL's own path (\`https://host/prod\` + \`/orders\` → \`https://host/prod/orders\`). */
export function joinUrl(baseUrl: string, path: string): string {
  return baseUrl.replace(/\\/+$/, '') + path;
}
`;

const METRICS = `import type { CheckResult } from './run-checks';

/**
 * One CloudWatch embedded-metric-format record: CloudWatch Logs turns it into the ChecksRun and
 * ChecksFailed metrics the template's alarm watches, with no IAM permission needed.
 */
export function metricsRecord(params: { namespace: string; canary: string; results: readonly CheckResult[]; timestamp: number }): string {
  const failed = params.results.filter((result) => !result.ok);
  return JSON.stringify({
    _aws: {
      Timestamp: params.timestamp,
      CloudWatchMetrics: [
        {
          Namespace: params.namespace,
          Dimensions: [['Canary']],
          Metrics: [
            { Name: 'ChecksRun', Unit: 'Count' },
            { Name: 'ChecksFailed', Unit: 'Count' },
          ],
        },
      ],
    },
    Canary: params.canary,
    ChecksRun: params.results.length,
    ChecksFailed: failed.length,
    failures: failed.map((result) => ({ name: result.name, url: result.url, error: result.error })),
  });
}
`;

/** Canary source: the checks from the stories, a runner with an injected fetch, metrics, and the Lambda entry. */
export function testingSource(params: {
  baseDir: string;
  checks: readonly StoryCheck[];
  namespace: string;
  canary: string;
  /** Each check's answer-time limit in ms (`latencyBudgetMs`). */
  maxLatencyMs: number;
}): GeneratedFile[] {
  const handler = `import { CHECKS } from './checks';
import { metricsRecord } from './metrics';
import { runChecks } from './run-checks';
import type { CheckResult } from './run-checks';

export const METRIC_NAMESPACE = ${codeLiteral(params.namespace)};
export const CANARY_NAME = ${codeLiteral(params.canary)};

/**
 * Scheduled entry point. Failed checks become the ChecksFailed metric, not a thrown error: the
 * function's own Errors metric then means the canary itself is broken, which is what rolls back its releases.
 */
export async function handler(): Promise<{ passed: number; failed: number; results: CheckResult[] }> {
  const baseUrl = process.env['TARGET_BASE_URL'];
  if (baseUrl === undefined || baseUrl === '') throw new Error('environment variable TARGET_BASE_URL is not set');
  const results = await runChecks({ baseUrl, checks: CHECKS, fetcher: (url, init) => fetch(url, init) });
  process.stdout.write(metricsRecord({ namespace: METRIC_NAMESPACE, canary: CANARY_NAME, results, timestamp: Date.now() }) + '\\n');
  const failed = results.filter((result) => !result.ok).length;
  return { passed: results.length - failed, failed, results };
}
`;
  const files: [string, string][] = [
    ['checks.ts', checksModule(params.checks, params.maxLatencyMs)],
    ['run-checks.ts', RUN_CHECKS],
    ['metrics.ts', METRICS],
    ['handler.ts', handler],
  ];
  return files.map(([name, content]) => ({ path: `${params.baseDir}/src/${name}`, role: 'source', content }));
}

function checksModule(checks: readonly StoryCheck[], maxLatencyMs: number): string {
  const entries = checks.map(({ comment, name, path, method, expectedStatus, body }) =>
    [
      `  // ${commentSafe(comment)}`,
      `  { name: ${codeLiteral(name)}, method: ${codeLiteral(method)}, path: ${codeLiteral(path)}, expectedStatus: [${expectedStatus}], maxLatencyMs: ${maxLatencyMs}${body === undefined ? '' : `, body: ${JSON.stringify(body)}`} },`,
    ].join('\n'),
  );
  return `export interface Check {
  name: string;
  method: string;
  /** Appended to the target base URL. */
  path: string;
  expectedStatus: number[];
  /** Sent as JSON. */
  body?: Record<string, unknown>;
  maxLatencyMs: number;
}

/** One check per route the request spells out, else per user story; adjust paths and expectations to the target's real routes. */
export const CHECKS: readonly Check[] = [
${entries.join('\n')}
];
`;
}
