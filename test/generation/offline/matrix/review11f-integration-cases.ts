import { requestFor } from '../offline-test-requests.js';
import type { MatrixCase } from './matrix-cases.js';

/**
 * Review 11f (#11), integration: a branch a story names matched on the event's branch field, and a FIFO queue as asked; each
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

const SHIPMENTS = requestFor({
  taskType: 'integration',
  taskName: 'Shipment Updates',
  description:
    'Consume ShipmentDispatched and ShipmentDelivered messages from an SQS FIFO queue, in order per order id.',
});
const FIFO_WEBHOOKS = requestFor({
  taskType: 'integration',
  taskName: 'Repo Events',
  description: 'Receive GitHub webhooks into a FIFO queue and put events on an EventBridge bus.',
  stories: ['As a maintainer I receive an event when a pull request is merged'],
});

export function review11fIntegrationCases(): MatrixCase[] {
  return [
    { id: 'integration-github-branches', request: BRANCHES },
    { id: 'integration-fifo-shipments', request: SHIPMENTS },
    { id: 'integration-fifo-webhooks', request: FIFO_WEBHOOKS },
    {
      id: 'mutant-fifo-ungrouped',
      request: SHIPMENTS,
      mutation: {
        file: 'src/send-message.ts',
        find: 'MessageGroupId: String(group)',
        replace: "MessageGroupId: 'all'",
        breaks: ['a send to the FIFO queue carries its message group and the message id as deduplication id'],
      },
    },
    {
      id: 'mutant-fifo-skips-ahead',
      request: SHIPMENTS,
      mutation: {
        file: 'src/process-batch.ts',
        find: '    if (failures.length > 0) {',
        replace: '    if (failures.length < 0) {',
        breaks: [
          'after a failure a FIFO batch returns every later message unprocessed so a group keeps its order',
        ],
      },
    },
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
