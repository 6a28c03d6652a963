import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONFIG } from '../../../src/core/config/agent-config.js';
import { gatePolicyFrom } from '../../../src/core/gates/gate-policy.js';
import { runGates } from '../../../src/core/gates/run-gates.js';
import { renderPrBody } from '../../../src/core/render/pr-body.js';
import type { RequestPayload } from '../../../src/core/request/execution-request.js';
import { createOfflineProvider } from '../../../src/generation/offline/offline-provider.js';
import { fileContent, parseBundleTemplate, requestFor, resourcesOfType } from './offline-test-requests.js';

/**
 * Every route the PR body names is one the generated code serves (#11: the orders PR's plan named a
 * delete route that did not exist): the routes named anywhere in the body (summary, plan, coverage,
 * risk notes) against the template's route keys, which the generated test holds equal to the
 * handler's ROUTES; and the plan's test step names only the route kinds there are.
 */
const EXAMPLES_DIR = join(process.cwd(), 'examples');
const examples: [string, RequestPayload][] = readdirSync(EXAMPLES_DIR)
  .filter((name) => name.endsWith('.request.json'))
  .map((name) => [name, JSON.parse(readFileSync(join(EXAMPLES_DIR, name), 'utf8')) as RequestPayload]);
/** Requests whose stories make every kind of route, and none of some. */
const storyRequests: [string, RequestPayload][] = [
  [
    'a desk with a delete, a child resource and a caller action',
    requestFor({
      taskType: 'application',
      taskName: 'Helpdesk',
      stories: [
        'As a customer I can open a ticket with a subject',
        'As a customer I can comment on a ticket with a body',
        'As an agent I can assign a ticket to myself',
        'As an admin I can delete a closed ticket',
        "As an agent I can change a ticket's priority",
      ],
    }),
  ],
  [
    'orders with no change and no delete',
    requestFor({
      taskType: 'application',
      taskName: 'Orders',
      stories: ['As a customer I can place an order', 'As a customer I can see an order'],
    }),
  ],
];
const usage = { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: 0 };
const ROUTE = /\b(GET|POST|PUT|PATCH|DELETE) (\/[A-Za-z0-9_{}/.-]*)/g;

async function prBody(request: RequestPayload) {
  const { bundle } = await createOfflineProvider().generate({
    request,
    context: { owner: 'acme', repo: 'shop' },
  });
  const report = await runGates(bundle, gatePolicyFrom(DEFAULT_CONFIG));
  return { bundle, body: renderPrBody({ request, bundle, report, usage, model: 'offline', attempts: 1 }) };
}

describe('the routes a PR body names', () => {
  it.each([...examples, ...storyRequests])(
    '%s: are the routes the generated code serves',
    async (_, request) => {
      const { bundle, body } = await prBody(request);
      const served = new Set(
        bundle.templatePath === undefined
          ? []
          : resourcesOfType(parseBundleTemplate(bundle), 'AWS::ApiGatewayV2::Route').map(([, route]) =>
              String(route.Properties?.['RouteKey']),
            ),
      );
      const named = [
        ...new Set([...body.matchAll(ROUTE)].map((match) => `${match[1]} ${match[2]?.replace(/[.]$/, '')}`)),
      ];
      expect(named.filter((route) => !served.has(route))).toEqual([]);
      if (request.execution_request.task_type !== 'application') return;
      // The handler's route table is the template's (the generated suite checks the template against it).
      const handlerRoutes = [
        ...fileContent(bundle, 'src/routes.ts').matchAll(/^ {2}'([A-Z]+ \/[^']*)': \{/gm),
      ].map((match) => match[1]);
      expect(new Set(['GET /health', ...handlerRoutes])).toEqual(served);
      const testStep = bundle.plan.find((step) => step.startsWith('Test each story')) ?? '';
      const steps = testStep.match(/\(([^)]*)\)/)?.[1] ?? '';
      const kinds: Readonly<Record<string, (route: string) => boolean>> = {
        delete: (route) => route.startsWith('DELETE '),
        change: (route) => route.startsWith('PATCH '),
        list: (route) => route.startsWith('GET ') && route !== 'GET /health' && !route.endsWith('{id}'),
      };
      for (const [word, isKind] of Object.entries(kinds))
        if (new RegExp(`\\b${word}\\b`).test(steps)) expect([...served].filter(isKind)).not.toEqual([]);
      expect(named.length).toBeGreaterThan(1);
      expect(testStep.includes('EventBridge')).toBe(
        bundle.files.some((file) => file.path.endsWith('src/eventbridge-status-events.ts')),
      );
    },
  );

  it('the Orders API example plans the tests of its own routes: no delete, no change, its events', async () => {
    const { bundle } = await prBody(
      examples.find(([name]) => name === 'orders-api.request.json')?.[1] ??
        requestFor({ taskType: 'application', taskName: 'x' }),
    );
    expect(bundle.plan).toContain(
      "Test each story and each resource's lifecycle through its routes (order: create, read back, list, cancel), plus the DynamoDB and EventBridge adapters.",
    );
  });
});
