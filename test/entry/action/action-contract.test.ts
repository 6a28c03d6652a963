import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { ACTION_INPUTS, ACTION_OUTPUTS } from '../../../src/entry/action/action-io.js';

const root = new URL('../../../', import.meta.url);
const actionYml = parse(readFileSync(new URL('action.yml', root), 'utf8')) as {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
};

describe('action.yml matches the inputs and outputs the code declares', () => {
  it('declares exactly the inputs the runner reads, with the same descriptions', () => {
    expect(Object.keys(actionYml.inputs).sort()).toEqual(Object.keys(ACTION_INPUTS).sort());
    for (const [name, description] of Object.entries(ACTION_INPUTS)) {
      expect(actionYml.inputs[name]?.description).toBe(description);
    }
    expect(actionYml.inputs.token?.default).toBe('${{ github.token }}');
    expect(actionYml.inputs.mode?.default).toBe('implement');
  });

  it('declares exactly the outputs the runner sets, with the same descriptions', () => {
    expect(Object.keys(actionYml.outputs).sort()).toEqual(Object.keys(ACTION_OUTPUTS).sort());
    for (const [name, description] of Object.entries(ACTION_OUTPUTS)) {
      expect(actionYml.outputs[name]?.description).toBe(description);
    }
  });

  it('runs the committed bundle on node24', () => {
    expect(actionYml.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(existsSync(new URL('dist/index.js', root))).toBe(true);
  });
});

describe('the example workflow', () => {
  const workflow = parse(
    readFileSync(new URL('.github/workflows/implementation-agent.yml', root), 'utf8'),
  ) as {
    on: Record<string, unknown>;
    permissions: Record<string, string>;
  };

  it('triggers on every event the Action handles', () => {
    expect(Object.keys(workflow.on).sort()).toEqual([
      'issue_comment',
      'issues',
      'repository_dispatch',
      'workflow_dispatch',
    ]);
  });

  it('grants the permissions the pipeline needs, and no more', () => {
    expect(workflow.permissions).toEqual({
      contents: 'write',
      issues: 'write',
      'pull-requests': 'write',
      checks: 'write',
      'id-token': 'write',
    });
  });
});

describe('the deploy workflow', () => {
  const workflow = parse(
    readFileSync(new URL('.github/workflows/implementation-deploy.yml', root), 'utf8'),
  ) as {
    on: string;
    permissions: Record<string, string>;
    concurrency: { group: string; 'cancel-in-progress': boolean };
    jobs: { deploy: { environment: string; steps: Array<{ uses?: string; with?: Record<string, string> }> } };
  };

  it('runs on deployments with OIDC, per-environment concurrency and environment protection', () => {
    expect(workflow.on).toBe('deployment');
    expect(workflow.permissions).toEqual({
      'id-token': 'write',
      deployments: 'write',
      contents: 'read',
      'pull-requests': 'write',
    });
    expect(workflow.concurrency).toEqual({
      group: 'implementation-deploy-${{ github.event.deployment.environment }}',
      'cancel-in-progress': false,
    });
    expect(workflow.jobs.deploy.environment).toBe('${{ github.event.deployment.environment }}');
    const uses = workflow.jobs.deploy.steps.map((step) => step.uses);
    expect(uses).toEqual(['actions/checkout@v4', 'aws-actions/configure-aws-credentials@v4', './']);
    expect(workflow.jobs.deploy.steps[2]?.with?.mode).toBe('deploy');
  });
});
