import type { RequirementCoverage } from '../../../src/core/bundle/requirement-coverage.js';
import { generate, parseBundleTemplate, resourcesOfType } from './offline-test-requests.js';

/**
 * Review 11j, a fresh new-user pass over issue #11 item 2 (deployment and testing blueprints): a
 * blue/green checkout release with a person's approval and a one-command rollback, and a synthetic
 * check whose story asks for a latency dashboard. Attacked: whether a story asking for something a
 * person does (approve, roll back by hand, look at a dashboard) is counted met by what runs by
 * itself. Each FAULT test asserts the right answer and is `it.failing` while the fault exists.
 */
const storyRow = (rows: readonly RequirementCoverage[] | undefined, number: number) =>
  rows?.find((row) => row.source.kind === 'story' && row.source.number === number);
const gapsOf = (row: RequirementCoverage | undefined) => row?.gaps ?? [];

const checkoutRelease = {
  taskType: 'deployment' as const,
  taskName: 'Checkout release',
  strategy: 'blue-green' as const,
  environment: 'production',
  description:
    'Release the checkout Lambda with blue/green: run smoke tests against the new version before shifting traffic. Shift all traffic at once after the smoke tests pass. Roll back if 5xx errors exceed 2 percent within 15 minutes. Keep the previous 3 versions.',
  stories: [
    'As a release manager I can approve the release before traffic shifts',
    'As an SRE I can roll back to the previous version with one command',
  ],
};

describe('review 11j: a blue/green checkout release (deployment blueprint)', () => {
  it('fixed FAULT: "I can roll back to the previous version with one command" is ✅ covered by "a release stops and rolls back automatically when the error alarm fires" (a rollback a person starts counted met by the automatic one)', async () => {
    const { bundle } = await generate(checkoutRelease);
    const row = storyRow(bundle.coverage, 2);
    const byHand = /command|script|npm run|aws deploy|\/rollback/i.test(row?.implementedBy ?? '');
    expect(byHand || row?.status !== 'covered').toBe(true);
  });

  it('fixed FAULT: "As a release manager I can approve the release before traffic shifts" has only the gap "each probe only checks the configuration …; extend src/probes.ts" (a person\'s approval read as an automated probe; no gap says nothing waits for a person)', async () => {
    const { bundle } = await generate(checkoutRelease);
    const gaps = gapsOf(storyRow(bundle.coverage, 1)).join(' ');
    expect(gaps).toMatch(/approv|manual|person|nothing waits/i);
  });

  it('releases blue/green as CodeDeploy all-at-once behind a pre-traffic hook, and says the 2 percent and 15 minutes are not used', async () => {
    const { bundle } = await generate(checkoutRelease);
    const groups = JSON.stringify(
      resourcesOfType(parseBundleTemplate(bundle), 'AWS::CodeDeploy::DeploymentGroup'),
    );
    expect(groups).toContain('CodeDeployDefault.LambdaAllAtOnce');
    const rollback = bundle.coverage?.find(
      (row) => row.source.kind === 'description' && row.source.sentence === 3,
    );
    expect(gapsOf(rollback).join(' ')).toMatch(/2 is not a value.*15 is not a value/);
  });
});

describe('review 11j: a synthetic check with a latency dashboard (testing blueprint)', () => {
  it('fixed FAULT: "As an SRE I can see the latency of each check on a dashboard" is ✅ covered by "a check fails when the answer takes more than 3000 ms", with no dashboard and no latency metric (only ChecksRun and ChecksFailed are emitted) (a view a person asks for met by a timeout)', async () => {
    const { bundle } = await generate({
      taskType: 'testing',
      taskName: 'Checkout synthetic',
      description:
        'A synthetic check of the checkout API every 5 minutes. GET /health returns 200 within 500 ms. POST /carts with an item returns 201. Alert the payments on-call when 3 consecutive checks fail.',
      stories: ['As an SRE I can see the latency of each check on a dashboard'],
    });
    const dashboards = resourcesOfType(parseBundleTemplate(bundle), 'AWS::CloudWatch::Dashboard');
    expect(dashboards.length > 0 || storyRow(bundle.coverage, 1)?.status !== 'covered').toBe(true);
  });
});
