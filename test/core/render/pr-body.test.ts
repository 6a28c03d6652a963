import { DEFAULT_CONFIG } from '../../../src/core/config/agent-config.js';
import { gatePolicyFrom } from '../../../src/core/gates/gate-policy.js';
import { runGates } from '../../../src/core/gates/run-gates.js';
import { ordersApiRequest } from '../../fixtures/orders-api-request.js';
import { renderPrBody } from '../../../src/core/render/pr-body.js';
import { createOfflineProvider } from '../../../src/generation/offline/offline-provider.js';

const request = ordersApiRequest;
const usage = {
  inputTokens: 1200,
  outputTokens: 800,
  cacheReadTokens: 300,
  cacheWriteTokens: 0,
  costUsd: 0.0156,
};

async function render(overrides: Partial<Parameters<typeof renderPrBody>[0]> = {}) {
  const { bundle } = await createOfflineProvider().generate({
    request,
    context: { owner: 'acme', repo: 'shop' },
  });
  const report = await runGates(bundle, gatePolicyFrom(DEFAULT_CONFIG));
  return {
    bundle,
    body: renderPrBody({
      request,
      bundle,
      report,
      usage,
      model: 'm',
      attempts: 1,
      issueNumber: 7,
      ...overrides,
    }),
  };
}

describe('renderPrBody', () => {
  it('has every section a reviewer needs, in order, and closes the issue', async () => {
    const { body } = await render();
    const headings = [
      '### Plan',
      '### Files',
      '### Validation',
      '### Risk assessment',
      '### Generation',
      '### Checklist',
    ];
    const positions = headings.map((heading) => body.indexOf(heading));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(body.trimEnd().endsWith('Closes #7')).toBe(true);
  });

  it('lists every file and the tokens and cost', async () => {
    const { body, bundle } = await render();
    for (const file of bundle.files) expect(body).toContain(`\`${file.path}\``);
    expect(body).toContain('1200 input / 800 output tokens (300 cache read, 0 cache write), cost $0.0156');
  });

  it('gives guided mode its approval checklist', async () => {
    const { body } = await render();
    expect(body).toContain('- [ ] Approve this PR to pass the `implementation-agent/approval` check');
  });

  it('omits Closes when there is no issue', async () => {
    const { body } = await render({ issueNumber: undefined as never });
    expect(body).not.toContain('Closes #');
  });

  it('escapes a hostile summary so it cannot inject markup', async () => {
    const { bundle } = await render();
    const hostile = { ...bundle, summary: '<img src=x onerror=alert(1)> [click](http://evil) @org/admins' };
    const report = await runGates(hostile, gatePolicyFrom(DEFAULT_CONFIG));
    const body = renderPrBody({ request, bundle: hostile, report, usage, model: 'm', attempts: 1 });
    expect(body).not.toContain('<img');
    expect(body).not.toContain('[click](http://evil)');
  });
});
