import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { ACTION_INPUT_DEFAULTS, ACTION_INPUTS, ACTION_OUTPUTS } from '../../../src/entry/action/action-io.js';

const root = new URL('../../../', import.meta.url);
const actionYml = parse(readFileSync(new URL('action.yml', root), 'utf8')) as {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
};

describe('action.yml matches the inputs and outputs the code declares', () => {
  it('declares exactly the inputs the runner reads, with the same descriptions and defaults', () => {
    expect(Object.keys(actionYml.inputs).sort()).toEqual(Object.keys(ACTION_INPUTS).sort());
    for (const [name, description] of Object.entries(ACTION_INPUTS)) {
      expect(actionYml.inputs[name]?.description).toBe(description);
    }
    const defaults = Object.fromEntries(
      Object.entries(actionYml.inputs).flatMap(([name, input]) =>
        input.default === undefined ? [] : [[name, input.default]],
      ),
    );
    expect(defaults).toEqual(ACTION_INPUT_DEFAULTS);
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
    jobs: {
      implement: {
        concurrency: { group: string; 'cancel-in-progress': boolean };
        steps: Array<{ uses?: string; id?: string; if?: string; with?: Record<string, string> }>;
      };
    };
  };

  it('runs one event per issue, and per dispatched request_id, at a time: a repeat waits and finds what the first did', () => {
    // Per task: the `task` job's key is the issue, the issue a PR's branch names, or the request_id
    // (test/project/example-workflow.test.ts runs that job's script).
    expect(workflow.jobs.implement.concurrency).toEqual({
      group: 'implementation-agent-${{ needs.task.outputs.key }}',
      'cancel-in-progress': false,
    });
    // The input the group and dispatchRequestId read is declared, and optional.
    expect(workflow.on.workflow_dispatch).toMatchObject({ inputs: { request_id: { required: false } } });
  });

  it("takes a GitHub App's token when one is configured, since deployments made with GITHUB_TOKEN start no run", () => {
    const { steps } = workflow.jobs.implement;
    const appToken = steps.findIndex((step) => step.uses?.startsWith('actions/create-github-app-token@'));
    const agent = steps.findIndex((step) => step.uses === './');
    expect(appToken).toBeGreaterThanOrEqual(0);
    expect(appToken).toBeLessThan(agent);
    expect(steps[appToken]?.if).toBe("vars.IMPLEMENTATION_AGENT_APP_ID != ''");
    expect(steps[agent]?.with?.token).toBe(
      `\${{ steps.${steps[appToken]?.id ?? 'missing'}.outputs.token || secrets.GITHUB_TOKEN }}`,
    );
  });

  it('signs the status markers with a repository secret, which decisions under GITHUB_TOKEN need', () => {
    const agent = workflow.jobs.implement.steps.find((step) => step.uses === './');
    expect(agent?.with?.['marker-secret']).toBe('${{ secrets.IMPLEMENTATION_AGENT_MARKER_SECRET }}');
  });

  it('triggers on every event the Action handles', () => {
    expect(Object.keys(workflow.on).sort()).toEqual([
      'check_suite',
      'issue_comment',
      'issues',
      'pull_request',
      'pull_request_review',
      'pull_request_review_comment',
      'repository_dispatch',
      'status',
      'workflow_dispatch',
    ]);
  });

  it('grants the permissions the pipeline needs, and no more', () => {
    expect(workflow.permissions).toEqual({
      contents: 'write',
      issues: 'write',
      'pull-requests': 'write',
      checks: 'write',
      statuses: 'read',
      deployments: 'write',
      'id-token': 'write',
    });
  });
});

describe('the deploy workflow', () => {
  interface Job {
    if: string;
    environment?: string;
    concurrency?: { group: string; 'cancel-in-progress': boolean };
    steps: Array<{ uses?: string; with?: Record<string, string> }>;
  }
  const workflow = parse(
    readFileSync(new URL('.github/workflows/implementation-deploy.yml', root), 'utf8'),
  ) as {
    on: Record<string, unknown>;
    permissions: Record<string, string>;
    jobs: { deploy: Job; control: Job };
  };

  it('runs deployments with OIDC, per-environment concurrency and environment protection', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['deployment', 'repository_dispatch']);
    expect(workflow.on.repository_dispatch).toEqual({ types: ['implementation-control'] });
    expect(workflow.permissions).toEqual({
      'id-token': 'write',
      deployments: 'write',
      contents: 'read',
      'pull-requests': 'write',
      issues: 'write',
    });
    const { deploy } = workflow.jobs;
    expect(deploy.if).toBe("github.event_name == 'deployment'");
    expect(deploy.concurrency).toEqual({
      group: 'implementation-deploy-${{ github.event.deployment.environment }}',
      'cancel-in-progress': false,
    });
    expect(deploy.environment).toBe('${{ github.event.deployment.environment }}');
    expect(deploy.steps.map((step) => step.uses)).toEqual([
      'actions/checkout@v4',
      'aws-actions/configure-aws-credentials@v4',
      './',
      'actions/upload-artifact@v4',
    ]);
    expect(deploy.steps[2]?.with?.['deployments-dir']).toBe(deploy.steps[3]?.with?.path);
    expect(deploy.steps[2]?.with?.mode).toBe('deploy');
  });

  it('handles /cancel and /unlock outside the deploy concurrency group, so a running deploy can be stopped', () => {
    const { control } = workflow.jobs;
    expect(control.if).toBe("github.event_name == 'repository_dispatch'");
    expect(control.concurrency).toBeUndefined();
    expect(control.steps[1]?.with?.['aws-region']).toBe('${{ github.event.client_payload.region }}');
    expect(control.steps[2]?.with?.mode).toBe('deploy');
  });
});
