import {
  GITHUB_TOKEN_LOGIN,
  deploymentStartsWorkflowRun,
} from '../../../src/core/deploy/deployment-starts-workflow-run.js';

describe('deploymentStartsWorkflowRun', () => {
  it("knows a deployment made with a workflow's GITHUB_TOKEN starts no run", () => {
    expect(GITHUB_TOKEN_LOGIN).toBe('github-actions[bot]');
    expect(deploymentStartsWorkflowRun('github-actions[bot]')).toBe(false);
  });

  it.each(['implementation-agent[bot]', 'my-deploy-app[bot]', 'octocat'])(
    'lets a deployment made by %s start the deploy workflow',
    (login) => {
      expect(deploymentStartsWorkflowRun(login)).toBe(true);
    },
  );

  it('assumes a run starts when GitHub did not say who made the deployment', () => {
    expect(deploymentStartsWorkflowRun(undefined)).toBe(true);
  });
});
