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
import { writeStatusComment } from '../../../src/github/status-comment.js';

const KEY = Buffer.alloc(32, 8);
const TASK_ID = 'acme/shop#7';
const at = '2026-11-29T10:00:00.000Z';
/** A GitHub environment name at GitHub's 255-character limit, as a team might name per-branch previews. */
const ENVIRONMENT = 'preview-'.repeat(40).slice(0, 255);

describe("the status marker's lists, each within its own bound, together (review10e)", () => {
  it.failing(
    "FAULT: during an outage of S3, DynamoDB and EventBridge at once, the marker's lists each stay within their own caps but together pass GitHub's 65,536-character comment: the status write throws and the task's step is lost (marker budgets not summed)",
    async () => {
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
      expect(parseStateMarker(written)).toBeDefined();
    },
  );
});
