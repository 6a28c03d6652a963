import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deploymentPayloadSchema } from '../../../src/core/deploy/deployment-payload.js';
import { filesystemStores } from '../../../src/filesystem/filesystem-stores.js';
import type { DeployEvent } from '../../../src/pipeline/deploy-run/deploy-event.js';
import { recordDeployStep } from '../../../src/pipeline/deploy-run/record-deploy-step.js';
import { recordTaskEvent } from '../../../src/pipeline/mirror/record-task-event.js';

const SHA = 'c'.repeat(40);
const VICTIM = 'victim/bank#1';

describe("review10: a deploy run of one repository and another repository's task in the shared mirror", () => {
  it("a deployment of acme/shop whose payload names victim/bank#1 leaves victim/bank's record in the tasks table as it was", async () => {
    const mirror = filesystemStores(await mkdtemp(path.join(tmpdir(), 'review10-cross-')));
    const at = '2026-11-29T08:00:00.000Z';
    await recordTaskEvent({
      log: mirror,
      event: { type: 'task_received', task_id: VICTIM, at, repo: 'victim/bank', issue_number: 1 },
    });
    for (const to of ['generating', 'validating', 'pr_open', 'approved', 'merged'] as const)
      await recordTaskEvent({
        log: mirror,
        event: {
          type: 'state_changed',
          task_id: VICTIM,
          at,
          to,
          ...(to === 'pr_open' ? { pull_number: 2 } : {}),
        },
      });
    const before = await mirror.tasks.get(VICTIM);

    const event: DeployEvent = {
      repository: { owner: 'acme', repo: 'shop', defaultBranch: 'main' },
      repositoryId: 4242,
      deploymentId: 901,
      sha: SHA,
      environment: 'production',
      payload: {},
    };
    const lines: string[] = [];
    await recordDeployStep({
      recording: { mirrors: mirror },
      client: {
        issues: {
          listComments: async () => ({ data: [] }),
          createComment: async () => {
            throw new Error('unused');
          },
          updateComment: async () => {
            throw new Error('unused');
          },
        },
        repos: {
          listDeployments: async () => ({ data: [] }),
          listDeploymentStatuses: async () => ({ data: [] }),
        },
      } as never,
      event,
      payload: deploymentPayloadSchema.parse({
        version: 1,
        task_id: VICTIM,
        stack_name: 'shop-prod',
        template_path: 'template.yaml',
        region: 'ap-southeast-2',
        checked_sha: SHA,
        requested_by: 'octocat',
      }),
      step: { kind: 'started' },
      now: () => Date.parse('2026-11-29T10:00:00.000Z'),
      log: (line) => lines.push(line),
    });

    expect(await mirror.tasks.get(VICTIM)).toEqual(before);
  });
});
