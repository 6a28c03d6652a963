import { DEFAULT_CONFIG } from '../../../src/core/config/agent-config.js';
import { gatePolicyFrom } from '../../../src/core/gates/gate-policy.js';
import { runGates } from '../../../src/core/gates/run-gates.js';
import type { RequestPayload } from '../../../src/core/request/execution-request.js';
import { renderPrBody } from '../../../src/core/render/pr-body.js';
import { createOfflineProvider } from '../../../src/generation/offline/offline-provider.js';
import { NO_USAGE } from '../../../src/generation/model-provider.js';

async function body(
  request: RequestPayload,
  tamper: (bundle: Awaited<ReturnType<typeof generate>>) => typeof bundle = (bundle) => bundle,
) {
  const bundle = tamper(await generate(request));
  return renderPrBody({
    request,
    bundle,
    report: await runGates(bundle, gatePolicyFrom(DEFAULT_CONFIG)),
    usage: NO_USAGE,
    model: 'offline',
    attempts: 1,
  });
}

async function generate(request: RequestPayload) {
  return (await createOfflineProvider().generate({ request, context: { owner: 'acme', repo: 'shop' } }))
    .bundle;
}

function request(
  taskType: 'infrastructure' | 'application',
  stories: string[],
  strategy?: 'canary',
): RequestPayload {
  return {
    execution_request: {
      task_type: taskType,
      task_name: 'Exports',
      execution_mode: 'guided',
      target_environment: 'staging',
      ...(strategy ? { deployment_strategy: strategy } : {}),
    },
    support_artifacts: { user_stories: stories },
  };
}

describe('the PR body coverage sections', () => {
  it('tables each requirement with its tests and lists what is not covered, with why', async () => {
    const text = await body(
      request('infrastructure', [
        'As an analyst I am notified when an export lands',
        'As a finance lead I can see the monthly cost per team',
      ]),
    );
    expect(text).toContain('### Requirements');
    expect(text).toMatch(
      /\| Story 1: As an analyst I am notified when an export lands \| ✅ covered \| .* \| a new object publishes to the notifications topic \|/,
    );
    expect(text).toContain('### Not covered');
    expect(text).toMatch(
      /- \*\*Story 2\*\* \(❌ not covered\) As a finance lead I can see the monthly cost per team — .*nothing was generated for this/,
    );
  });

  it('shows a strategy only where it had an effect, and says where it had none', async () => {
    const infrastructure = await body(
      request('infrastructure', ['As an engineer I can store build artifacts'], 'canary'),
    );
    expect(infrastructure).not.toContain('**Strategy**');
    expect(infrastructure).toMatch(
      /- \*\*deployment_strategy\*\* \(❌ not covered\) canary — no effect: the foundation has no Lambda function/,
    );
    const application = await body(request('application', ['As a customer I can place an order'], 'canary'));
    expect(application).toContain('**Strategy** canary');
  });

  it('checks the claims against the files: a cited test that was removed shows as not proven', async () => {
    const text = await body(request('application', ['As a customer I can place an order']), (bundle) => ({
      ...bundle,
      files: bundle.files.map((file) =>
        file.path.endsWith('test/app.test.ts')
          ? { ...file, content: file.content.replace("it('story 1 place order'", "it('renamed'") }
          : file,
      ),
    }));
    expect(text).toMatch(/\*\*Story 1\*\* \(⚠️ partial\) .*claimed test "story 1 place order" is not in/);
  });

  it('says when the provider reported no coverage, instead of implying every story is met', async () => {
    const text = await body(request('application', ['As a customer I can place an order']), (bundle) => {
      const { coverage: _coverage, ...rest } = bundle;
      return rest;
    });
    expect(text).toContain(
      'The provider did not report which generated code and tests answer each user story',
    );
    expect(text).not.toContain('### Not covered');
  });
});
