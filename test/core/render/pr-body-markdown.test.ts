import type { ArtifactBundle } from '../../../src/core/bundle/artifact-bundle.js';
import { DEFAULT_CONFIG } from '../../../src/core/config/agent-config.js';
import { gatePolicyFrom } from '../../../src/core/gates/gate-policy.js';
import { runGates } from '../../../src/core/gates/run-gates.js';
import { renderPrBody } from '../../../src/core/render/pr-body.js';
import { createOfflineProvider } from '../../../src/generation/offline/offline-provider.js';
import { ordersApiRequest } from '../../fixtures/orders-api-request.js';
import { elementNames, renderGithubMarkdown } from '../markdown/render-github-markdown.js';

const usage = { inputTokens: 1, outputTokens: 1, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: 0 };

async function offlineBundle(): Promise<ArtifactBundle> {
  return (
    await createOfflineProvider().generate({
      request: ordersApiRequest,
      context: { owner: 'acme', repo: 'shop' },
    })
  ).bundle;
}

async function render(bundle: ArtifactBundle): Promise<string> {
  return renderPrBody({
    request: ordersApiRequest,
    bundle,
    report: await runGates(bundle, gatePolicyFrom(DEFAULT_CONFIG)),
    usage,
    model: 'm',
    attempts: 1,
    issueNumber: 7,
  });
}

/** The markdown between a heading and the next one. */
function section(body: string, heading: string): string {
  const start = body.indexOf(`${heading}\n`);
  const end = body.indexOf('\n### ', start + heading.length);
  return body.slice(start + heading.length, end < 0 ? undefined : end);
}

describe('renderPrBody markdown', () => {
  it("renders the plan's code spans as code, with no escaped backticks or parentheses", async () => {
    const bundle: ArtifactBundle = {
      ...(await offlineBundle()),
      summary: 'Adds `POST /orders` backed by a table (on-demand).',
      plan: ['Expose `POST /orders` and `GET /orders/{id}`', 'Store orders in DynamoDB (on-demand capacity)'],
      riskNotes: ['`OrdersTable` is new; nothing is replaced'],
    };
    const body = await render(bundle);
    const plan = section(body, '### Plan');
    expect(body).not.toContain('&#96;');
    expect(body).not.toContain('\\(');
    expect(plan).toContain('1. Expose `POST /orders` and `GET /orders/{id}`');
    expect(plan).toContain('2. Store orders in DynamoDB (on-demand capacity)');
    const html = renderGithubMarkdown(plan);
    expect(html).toContain('<code>POST /orders</code>');
    expect(elementNames(html)).toEqual(['ol', 'li', 'code', 'code', 'li']);
    expect(renderGithubMarkdown(body)).toContain(
      '<p>Adds <code>POST /orders</code> backed by a table (on-demand).</p>',
    );
  });

  it("shows the model's other markup literally in the plan", async () => {
    const bundle: ArtifactBundle = {
      ...(await offlineBundle()),
      plan: ['**Trust me** <img src=x onerror=alert(1)> [click](javascript:alert(1)) @org/team'],
    };
    const html = renderGithubMarkdown(section(await render(bundle), '### Plan'));
    expect(elementNames(html)).toEqual(['ol', 'li']);
  });

  it("keeps a PR of 5,000 files within GitHub's limit, with every section and the closing keyword", async () => {
    const base = await offlineBundle();
    const files = Array.from({ length: 5_000 }, (_, index) => ({
      path: `services/orders/src/module-${index}/handler.ts`,
      content: `export const n = ${index};\n`,
      role: 'source' as const,
    }));
    const body = await render({ ...base, files: [...base.files, ...files] });

    expect(body.length).toBeLessThanOrEqual(65_536);
    for (const heading of ['### Plan', '### Files', '### Validation', '### Risk assessment', '### Checklist'])
      expect(body).toContain(heading);
    expect(body.endsWith('\n\nCloses #7\n')).toBe(true);
    const table = section(body, '### Files');
    expect(table).toMatch(
      /\n\n…and [\d,]+ more \(cut to fit GitHub's 65,536-character limit for a pull request body\)\n$/,
    );
    const shown = table.split('\n').filter((line) => line.startsWith('| `')).length;
    const more = Number(/…and ([\d,]+) more/.exec(table)?.[1]?.replace(/,/g, ''));
    expect(shown + more).toBe(base.files.length + 5_000);
  });

  it("keeps the closing keyword even when the model's own text alone is too long", async () => {
    const bundle: ArtifactBundle = {
      ...(await offlineBundle()),
      plan: Array.from({ length: 2_000 }, (_, i) => `Step ${i} ${'x'.repeat(60)}`),
    };
    const body = await render(bundle);
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body.endsWith('\n\nCloses #7\n')).toBe(true);
    expect(body).toMatch(/…and [\d,]+ more/);
  });
});
