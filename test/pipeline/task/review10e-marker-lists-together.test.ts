import { renderStatusComment } from '../../../src/core/render/status-comment.js';
import { markerChars } from '../../../src/core/state/fit-unmirrored.js';
import { MAX_UNMIRRORED_CHARS } from '../../../src/core/state/fit-unmirrored.js';
import {
  MAX_UNMIRRORED_EVENTS,
  MAX_UNSENT_ARTIFACT_CHARS,
  MAX_UNSENT_ARTIFACT_PATHS,
  MAX_UNSENT_EVENTS,
  parseStateMarker,
  type TaskMarker,
} from '../../../src/core/state/state-marker.js';
import {
  MAX_UNSENT_DEPLOYMENTS,
  MAX_UNSENT_PARAMETERS_CHARS,
  type UnsentDeployment,
} from '../../../src/core/state/unsent-deployment.js';
import type { TaskEvent } from '../../../src/core/task/task-event.js';
import type { LifecycleEvent } from '../../../src/core/task/lifecycle-event.js';
import { fitMarkerLists } from '../../../src/core/state/fit-marker-lists.js';
import { MAX_UNSENT_CHARS, markerOutbox } from '../../../src/pipeline/task/marker-outbox.js';
import { writeStatusComment } from '../../../src/github/status-comment.js';

const KEY = Buffer.alloc(32, 8);
const TASK_ID = 'acme/shop#7';
const at = '2026-11-29T10:00:00.000Z';
/** A GitHub environment name at GitHub's 255-character limit, as a team might name per-branch previews. */
const ENVIRONMENT = 'preview-'.repeat(40).slice(0, 255);

describe("the status marker's lists, each within its own bound, together (review10e)", () => {
  it("during an outage of S3, DynamoDB and EventBridge at once, the marker's lists share one budget: the status is written within GitHub's 65,536 characters, the oldest queued items dropped and named", async () => {
    // unmirrored: deploy steps the tasks and results tables did not take, up to MAX_UNMIRRORED_CHARS.
    const unmirrored: TaskEvent[] = [];
    for (let sequence = 2; ; sequence += 1) {
      const event: TaskEvent = {
        type: 'deploy_started',
        task_id: TASK_ID,
        at,
        environment: ENVIRONMENT,
        deployment_id: 100 + sequence,
        sha: 'a'.repeat(40),
        sequence,
      };
      const total = [...unmirrored, event].reduce((sum, each) => sum + markerChars(each), 0);
      if (total > MAX_UNMIRRORED_CHARS || unmirrored.length === MAX_UNMIRRORED_EVENTS) break;
      unmirrored.push(event);
    }
    // unsent: the bus's lifecycle events, at most MAX_UNSENT_EVENTS.
    const unsent: LifecycleEvent[] = Array.from({ length: MAX_UNSENT_EVENTS }, (_, index) => ({
      detailType: 'Deploy Started',
      detail: {
        version: 1,
        task_id: TASK_ID,
        repo: 'acme/shop',
        sequence: index + 2,
        at,
        status: 'merged',
        issue_number: 7,
        pull_number: 12,
        environment: ENVIRONMENT,
        deployment_id: 100 + index,
        task_type: 'application',
        execution_mode: 'automated',
      },
    })) as LifecycleEvent[];
    // unsent_artifacts: paths up to MAX_UNSENT_ARTIFACT_CHARS as written.
    const paths: string[] = [];
    for (let index = 0; paths.length < MAX_UNSENT_ARTIFACT_PATHS; index += 1) {
      const path = `files/services/order-api-${index}/src/http-handlers/create-order/create-order-handler-with-input-validation.test.ts`;
      const total = [...paths, path].reduce((sum, each) => sum + markerChars(each) + 1, 0);
      if (total > MAX_UNSENT_ARTIFACT_CHARS) break;
      paths.push(path);
    }
    // unsent_deployments: MAX_UNSENT_DEPLOYMENTS records, parameters up to MAX_UNSENT_PARAMETERS_CHARS.
    const parameters: Record<string, string> = {};
    for (let index = 0; ; index += 1) {
      const next = { ...parameters, [`Param${index}`]: 'x'.repeat(60) };
      if (markerChars(next) > MAX_UNSENT_PARAMETERS_CHARS) break;
      parameters[`Param${index}`] = 'x'.repeat(60);
    }
    const deployments: UnsentDeployment[] = Array.from({ length: MAX_UNSENT_DEPLOYMENTS }, (_, index) => ({
      environment: ENVIRONMENT,
      deployment_id: 200 + index,
      sha: 'b'.repeat(40),
      stack_name: 'order-api-preview-environment-stack',
      template_path: 'infrastructure/order-api-service/cloud-formation/template.yaml',
      template_sha256: 'c'.repeat(64),
      parameters,
    }));
    const marker: TaskMarker = {
      task_id: TASK_ID,
      state: 'merged',
      attempt: 1,
      cost_usd: 0.4,
      updated_at: at,
      created_at: at,
      version: 60,
      pull_number: 12,
      unmirrored,
      unsent,
      unsent_artifacts: { attempt: 1, paths },
      unsent_deployments: deployments,
    };
    const body = renderStatusComment({ marker, signingKey: KEY });
    // Each list is one the board itself keeps: the marker reads back as written.
    expect(parseStateMarker(body)).toBeDefined();

    let written = '';
    const client = {
      issues: {
        listComments: async () => ({ data: [] }),
        createComment: async () => ({ data: { id: 900 } }),
        updateComment: async (params: { body: string }) => ((written = params.body), {}),
      },
    };
    // Right: the status is written, within GitHub's limit, its marker readable.
    await writeStatusComment({
      client: client as never,
      owner: 'acme',
      repo: 'shop',
      issueNumber: 7,
      commentId: 900,
      body,
    });
    expect(written.length).toBeLessThanOrEqual(65_536);
    const read = parseStateMarker(written);
    expect(read).toBeDefined();
    // The least important go first (artifact paths, counted in `more`); deployment records stay.
    expect(read?.unsent_deployments).toHaveLength(MAX_UNSENT_DEPLOYMENTS);
    expect(read?.unsent_artifacts?.more).toBeGreaterThan(0);
    expect(written).toContain('Not delivered and no longer kept');
    // The newest of each list kept stays: the oldest are dropped.
    expect(read?.unmirrored?.at(-1)).toEqual(unmirrored.at(-1));
  });

  it('keeps a marker within the budget as it is, and past it drops the oldest of the least important list first', () => {
    const event = (index: number): LifecycleEvent =>
      ({
        detailType: 'Deploy Started',
        detail: { version: 1, task_id: TASK_ID, repo: 'acme/shop', sequence: index, at, status: 'merged' },
      }) as LifecycleEvent;
    const marker: TaskMarker = {
      task_id: TASK_ID,
      state: 'merged',
      attempt: 1,
      cost_usd: 0,
      updated_at: at,
      created_at: at,
      version: 3,
      unsent: [event(1), event(2), event(3)],
      unsent_artifacts: { attempt: 1, paths: ['files/a.ts', 'files/b.ts'] },
    };
    expect(fitMarkerLists(marker).marker).toBe(marker);
    const oneEvent = markerChars(event(3)) + 1;
    const fitted = fitMarkerLists(marker, oneEvent * 2);
    expect(fitted.marker.unsent_artifacts).toEqual({ attempt: 1, paths: [], more: 2 });
    expect(fitted.marker.unsent?.map((each) => each.detail.sequence)).toEqual([2, 3]);
    expect(fitted.dropped).toEqual({ unmirrored: 0, unsent: 1, unsent_artifacts: 2, unsent_deployments: 0 });
  });

  it("caps the marker's unsent lifecycle events by their size as written, not their count alone", () => {
    const earlier = Array.from(
      { length: MAX_UNSENT_EVENTS },
      (_, index) =>
        ({
          detailType: 'Deploy Started',
          detail: {
            version: 1,
            task_id: TASK_ID,
            repo: 'acme/shop',
            sequence: index + 2,
            at,
            status: 'merged',
            environment: ENVIRONMENT,
            deployment_id: 100 + index,
          },
        }) as LifecycleEvent,
    );
    const { outbox = [], dropped } = markerOutbox({ earlier, steps: [], publishing: true });
    expect(outbox.reduce((sum, event) => sum + markerChars(event), 0)).toBeLessThanOrEqual(MAX_UNSENT_CHARS);
    expect(outbox.length).toBeLessThan(MAX_UNSENT_EVENTS);
    expect(outbox.at(-1)).toEqual(earlier.at(-1));
    expect(dropped).toContain(`${MAX_UNSENT_EVENTS - outbox.length} lifecycle event(s)`);
  });
});
