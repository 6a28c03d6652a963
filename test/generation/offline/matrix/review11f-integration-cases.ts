import { requestFor } from '../offline-test-requests.js';
import type { MatrixCase } from './matrix-cases.js';

/**
 * Review 11f (#11), integration: a branch a story names matched on the event's branch field; each
 * generated project's own tests must pass, and each mutant fail the tests it names.
 */
const BRANCHES = requestFor({
  taskType: 'integration',
  taskName: 'CI Signals',
  description: 'Receive GitHub webhooks and put events on an EventBridge bus.',
  stories: [
    'As a platform engineer I receive an event when a workflow run fails on the main branch',
    'As a maintainer I receive an event when a pull request is opened against main',
    'As a release manager I receive an event when code is pushed to the `release/2` branch',
  ],
});

export function review11fIntegrationCases(): MatrixCase[] {
  return [
    { id: 'integration-github-branches', request: BRANCHES },
    {
      id: 'mutant-branch-ignored',
      request: BRANCHES,
      mutation: {
        file: 'src/webhook-provider.ts',
        find: ", 'workflow_run.head_branch': 'main'",
        replace: '',
        breaks: [
          'a workflow_run webhook is WorkflowRunFailed only with action completed and workflow_run.conclusion failure and workflow_run.head_branch main',
        ],
      },
    },
  ];
}
