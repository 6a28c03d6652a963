import { runGates } from '../../../../src/core/gates/run-gates.js';
import { formatFindingsForRepair } from '../../../../src/core/gates/format-findings.js';
import { TASK_TYPES, type TaskType } from '../../../../src/core/request/execution-request.js';
import { createOfflineProvider } from '../../../../src/generation/offline/offline-provider.js';
import { requestFor, type RequestShape } from '../offline-test-requests.js';

const STORIES = ['As a customer I can place an order', 'As an admin I can cancel an order'];
const HOSTILE_STORY =
  "As a user I can */ process.exit(1) /* '); require('child_process')\u2028evil() <!-- x -->";
const POLICY = {
  maxFiles: 200,
  maxFileBytes: 500_000,
  maxTotalBytes: 5_000_000,
  allowedPaths: [],
  allowedGithubPaths: [],
};

async function generateManual(shape: RequestShape) {
  const request = requestFor(shape);
  const manual = {
    ...request,
    execution_request: { ...request.execution_request, execution_mode: 'manual' as const },
  };
  return createOfflineProvider().generate({ request: manual, context: { owner: 'acme', repo: 'shop' } });
}

/** Runs the acceptance test file as plain JavaScript with jest's globals recorded, not executed. */
function runAcceptance(content: string): { describes: string[]; todos: string[]; tests: number } {
  const seen = { describes: [] as string[], todos: [] as string[], tests: 0 };
  const it = Object.assign(() => (seen.tests += 1), { todo: (title: string) => seen.todos.push(title) });
  const describe = (title: string, body: () => void) => {
    seen.describes.push(title);
    body();
  };
  new Function('describe', 'it', 'test', content)(describe, it, it);
  return seen;
}

describe.each(TASK_TYPES)('manual mode, the %s blueprint', (taskType: TaskType) => {
  it('holds the specification, pending acceptance tests and scaffolding, and no implementation', async () => {
    const { bundle, model } = await generateManual({ taskType, taskName: 'Orders API', stories: STORIES });
    expect(model).toBe(`offline:${taskType}:manual`);
    const paths = bundle.files.map((file) => file.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'docs/implementation/orders-api.md',
        'services/orders-api/test/acceptance.test.ts',
        'services/orders-api/template.yaml',
        'services/orders-api/src/handler.ts',
        'services/orders-api/package.json',
        'services/orders-api/tsconfig.json',
      ]),
    );
    // The only source is the stub, the only test the pending acceptance file.
    expect(bundle.files.filter((file) => file.role === 'source').map((file) => file.path)).toEqual([
      'services/orders-api/src/handler.ts',
    ]);
    expect(bundle.files.filter((file) => file.role === 'test').map((file) => file.path)).toEqual([
      'services/orders-api/test/acceptance.test.ts',
    ]);
    const stub = bundle.files.find((file) => file.path.endsWith('src/handler.ts'))?.content ?? '';
    expect(stub).toContain('statusCode: 501');
    const template = bundle.files.find((file) => file.path === bundle.templatePath)?.content ?? '';
    expect(template).toContain('Type: AWS::CloudFormation::WaitConditionHandle');
    expect(template.match(/Type: AWS::/g)).toHaveLength(1);
    expect(bundle.coverage?.every((row) => row.status === 'not_covered')).toBe(true);
  });

  it('passes every validation gate', async () => {
    const { bundle } = await generateManual({
      taskType,
      taskName: 'Orders API',
      stories: STORIES,
      strategy: 'canary',
    });
    const report = await runGates(bundle, POLICY);
    if (!report.passed)
      throw new Error(formatFindingsForRepair(report.results.flatMap((result) => result.findings)));
    expect(report.passed).toBe(true);
  });

  it('specifies every story with its criteria, and its acceptance tests are pending, one per criterion', async () => {
    const { bundle } = await generateManual({ taskType, taskName: 'Orders API', stories: STORIES });
    const spec =
      bundle.files.find((file) => file.path === 'docs/implementation/orders-api.md')?.content ?? '';
    expect(spec).toContain('manual mode');
    for (const story of STORIES) expect(spec).toContain(`### ${story}`);
    expect(spec).toContain('## What to build');
    expect(spec).toContain('## Not covered by this specification');
    const tests = bundle.files.find((file) => file.role === 'test')?.content ?? '';
    const run = runAcceptance(tests);
    expect(run.tests).toBe(0);
    expect(run.describes.filter((title) => title.startsWith('Story '))).toHaveLength(STORIES.length);
    expect(run.todos.length).toBeGreaterThanOrEqual(STORIES.length);
  });
});

describe('manual mode with hostile request text', () => {
  it('keeps the text inside string literals and escaped markdown, and the gates still pass', async () => {
    const { bundle } = await generateManual({
      taskType: 'application',
      taskName: 'Orders API',
      stories: [HOSTILE_STORY],
    });
    const tests = bundle.files.find((file) => file.role === 'test')?.content ?? '';
    const run = runAcceptance(tests);
    expect(run.describes.some((title) => title.includes('process.exit(1)'))).toBe(true);
    const spec = bundle.files.find((file) => file.role === 'doc')?.content ?? '';
    expect(spec).not.toContain('<!--');
    expect((await runGates(bundle, POLICY)).passed).toBe(true);
  });
});
