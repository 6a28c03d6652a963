import { requestFor } from '../offline-test-requests.js';
import type { MatrixCase } from './matrix-cases.js';

/**
 * Issue #11 fix 15e: the testing and integration blueprints credit log retention with the generated
 * template test of every log group's retention, as the application one does (fix14c's
 * `mutant-log-group-kept-for-ever`). Each project passes that test as generated; each mutant drops a
 * log group's retention (logs kept for ever) and must fail it.
 */
const CANARY = requestFor({
  taskType: 'testing',
  taskName: 'Shop canary',
  strategy: 'canary',
  description: 'Check GET /health returns 200 every 5 minutes. Keep the logs for 30 days.',
  stories: ['As an operator I know when the shop is down'],
});

const CONSUMER = requestFor({
  taskType: 'integration',
  taskName: 'Order consumer',
  description: 'A queue consumer for OrderPlaced messages. Keep the consumer logs for 30 days.',
  stories: ['As the shipping service I receive each OrderPlaced message once'],
});

const RETENTION = 'the template keeps every log group for LogRetentionDays days and defaults it to 30';
const KEPT_FOR_EVER = {
  file: 'template.yaml',
  find: '      RetentionInDays: !Ref LogRetentionDays\n',
  replace: '',
};

export function fix15eCases(): MatrixCase[] {
  return [
    { id: 'testing-log-retention', request: CANARY },
    { id: 'integration-log-retention', request: CONSUMER },
    {
      id: 'mutant-testing-log-group-kept-for-ever',
      request: CANARY,
      mutation: { ...KEPT_FOR_EVER, breaks: [RETENTION] },
    },
    {
      id: 'mutant-integration-log-group-kept-for-ever',
      request: CONSUMER,
      mutation: { ...KEPT_FOR_EVER, breaks: [RETENTION] },
    },
  ];
}
