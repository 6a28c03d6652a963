import { DEFAULT_CONFIG } from '../../../src/core/config/agent-config.js';
import { gatePolicyFrom } from '../../../src/core/gates/gate-policy.js';
import { runGates } from '../../../src/core/gates/run-gates.js';
import { renderPrBody } from '../../../src/core/render/pr-body.js';
import { renderModeDecision } from '../../../src/core/render/mode-decision-section.js';
import { classifyRisk } from '../../../src/core/risk/classify-risk.js';
import { effectiveMode } from '../../../src/core/risk/effective-mode.js';
import type { RiskReason } from '../../../src/core/risk/risk-assessment.js';
import { NO_USAGE } from '../../../src/generation/model-provider.js';
import { generate, requestFor } from '../../generation/offline/offline-test-requests.js';

async function hybridBody(environment: string, channel?: 'local') {
  const shape = { taskType: 'application' as const, taskName: 'Orders API', environment };
  const { bundle } = await generate(shape);
  const request = requestFor(shape);
  const hybrid = {
    ...request,
    execution_request: { ...request.execution_request, execution_mode: 'hybrid' as const },
  };
  const risk = classifyRisk({
    files: bundle.files,
    ...(bundle.templatePath === undefined ? {} : { templatePath: bundle.templatePath }),
    targetEnvironment: environment,
    production: environment === 'production',
  });
  const report = await runGates(bundle, gatePolicyFrom(DEFAULT_CONFIG));
  const decision = effectiveMode({ requested: 'hybrid', risk });
  return renderPrBody({
    request: hybrid,
    bundle,
    report,
    usage: NO_USAGE,
    model: 'm',
    attempts: 1,
    decision,
    issueNumber: 3,
    ...(channel === undefined ? {} : { channel }),
  });
}

describe('renderPrBody with a mode decision', () => {
  it('shows the decision and every reason under the risk assessment, and the checklist of the mode it runs in', async () => {
    const body = await hybridBody('production');
    const section = body.slice(body.indexOf('### Risk assessment'), body.indexOf('### Generation'));
    expect(section).toContain('**Mode** hybrid → guided · **Risk** high.');
    expect(section).toContain(
      '- `production-target` Targets the production environment "production". (`execution_request.target_environment`)',
    );
    expect(section).toContain(
      '- `iam-resource` Creates or changes IAM resource ApiFunctionRole (AWS::IAM::Role). (`services/orders-api/template.yaml#Resources.ApiFunctionRole`)',
    );
    expect(section).toContain('Notes from the generator:');
    const checklist = body.slice(body.indexOf('### Checklist'));
    expect(checklist).toContain('Approve this PR to pass the `implementation-agent/approval` check');
    expect(body.trimEnd().endsWith('Closes #3')).toBe(true);
  });

  it("words the checklist for the CLI's local commit, where no approval check or push event exists yet", async () => {
    const checklist = (await hybridBody('production', 'local')).split('### Checklist')[1] ?? '';
    expect(checklist).not.toContain('Approve this PR');
    expect(checklist).toContain(
      '- [ ] Push the branch and open a pull request: where the agent runs on the repository, an approving review by someone with write access passes its `implementation-agent/approval` check',
    );
    expect(checklist).toContain(
      '- [ ] Review the CloudFormation template (IAM, replacements, public exposure)',
    );
  });
});

describe('renderModeDecision', () => {
  it('says when nothing needs a review', () => {
    expect(
      renderModeDecision(effectiveMode({ requested: 'automated', risk: { level: 'low', reasons: [] } })),
    ).toBe(
      '**Mode** automated · **Risk** low. Automated: every gate passed and the risk is low, so this merges once the required checks pass.\n\n' +
        '- The risk classifier found nothing that needs a review.',
    );
  });

  it('escapes template text in reasons and cuts a long list', () => {
    const reasons: RiskReason[] = Array.from({ length: 30 }, (_, index) => ({
      code: 'wildcard-action',
      message: `Allows wildcard actions: "<img src=x>@admin #1 ${index}".`,
      where: `t.yaml#Resources.P${index}`,
    }));
    const text = renderModeDecision(effectiveMode({ requested: 'hybrid', risk: { level: 'high', reasons } }));
    expect(text).not.toContain('<img');
    expect(text).not.toContain('@admin');
    expect(text.split('\n').filter((line) => line.startsWith('- `wildcard-action`'))).toHaveLength(25);
    expect(text).toContain('- …and 5 more');
  });
});
