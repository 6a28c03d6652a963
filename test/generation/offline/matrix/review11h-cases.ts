import { requestFor } from '../offline-test-requests.js';
import type { MatrixCase } from './matrix-cases.js';

/**
 * Review 11h (#11 item 1): notice stories publish to the service's SNS topic beside its status
 * events; the project's own tests must pass, and a service that never publishes must fail them.
 */
const NOTICES = requestFor({
  taskType: 'application',
  taskName: 'Leave requests',
  description: 'Publish an event when the status changes.',
  stories: [
    'As an employee I can submit a leave request with a number of days',
    'As a manager I can approve a leave request',
    'As a manager I am notified by email when a leave request is submitted',
    'Notify the employee on Slack when a leave request is approved',
  ],
});

/** #11 item 2: a schedule the request names is the canary's; its own test reads it back from the template. */
const WEEKDAY_CHECKS = requestFor({
  taskType: 'testing',
  taskName: 'Orders API checks',
  description: 'Check the Orders API weekdays at 9.',
});

export function review11hCases(): MatrixCase[] {
  return [
    { id: 'testing-weekday-schedule', request: WEEKDAY_CHECKS },
    { id: 'application-leave-notices', request: NOTICES },
    {
      id: 'mutant-nobody-notified',
      request: NOTICES,
      mutation: {
        file: 'src/app.ts',
        find: 'await deps.notifications.notify(notice);',
        replace: '',
        breaks: [
          'story 3 notify',
          'story 4 notify employee',
          'a leave request change stands and is logged when its notice cannot be sent',
        ],
      },
    },
  ];
}
