import type { RequestPayload } from '../../../src/core/request/execution-request.js';
import { buildUserPrompt } from '../../../src/generation/bedrock/build-user-prompt.js';

function request(mode: RequestPayload['execution_request']['execution_mode']): RequestPayload {
  return {
    execution_request: {
      task_type: 'application',
      task_name: 'Orders API',
      execution_mode: mode,
      target_environment: 'staging',
    },
    support_artifacts: { user_stories: ['As a customer I can place an order'] },
  };
}

describe('buildUserPrompt in manual mode', () => {
  it('asks for the specification, pending acceptance tests and scaffolding, and no implementation', () => {
    const prompt = buildUserPrompt({ request: request('manual'), context: { owner: 'acme', repo: 'shop' } });
    expect(prompt).toContain('MANUAL mode');
    expect(prompt).toContain('docs/implementation/orders-api.md');
    expect(prompt).toContain('services/orders-api/test/acceptance.test.ts');
    expect(prompt).toContain('it.todo');
    expect(prompt).toContain('AWS::CloudFormation::WaitConditionHandle');
    // Our instructions come after the untrusted request, outside its tag.
    expect(prompt.indexOf('MANUAL mode')).toBeGreaterThan(prompt.indexOf('</request>'));
  });

  it('asks for a full implementation in every other mode', () => {
    for (const mode of ['guided', 'automated', 'hybrid'] as const) {
      expect(
        buildUserPrompt({ request: request(mode), context: { owner: 'acme', repo: 'shop' } }),
      ).not.toContain('MANUAL mode');
    }
  });
});
