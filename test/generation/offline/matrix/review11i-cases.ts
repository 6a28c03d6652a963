import { requestFor } from '../offline-test-requests.js';
import type { MatrixCase } from './matrix-cases.js';

/**
 * Review 11i (#11 item 1): a list between two dates reads ?from= and ?to= on the resource's time
 * field (a declared timestamp, else createdAt); a field the description says must be given is
 * required; a toggle changes the yes/no field; the description's first status wins. The projects'
 * own tests must pass, and a range that is not applied must fail them.
 */
const AUDIT_LOG = requestFor({
  taskType: 'application',
  taskName: 'Audit log API',
  description:
    'An API that stores audit log entries in DynamoDB. Each entry has an actor, an action, a resource and a timestamp. Entries are immutable: they can never be changed or deleted. Return 400 when an entry is missing its actor.',
  stories: [
    'As a service I can record an audit entry',
    'As an auditor I can list entries by actor between two dates',
    'As an auditor I can view an entry by its id',
    'As a security engineer I can list entries for a resource',
  ],
});

const FLAGS_AND_ACCESS = requestFor({
  taskType: 'application',
  taskName: 'Access requests',
  description:
    'Each access request has an account id, a role, a reason and a duration in hours between 1 and 12. Requests start pending, then are approved or denied. Each flag has a key and whether it is enabled.',
  stories: [
    'As an engineer I can request access to a production account with a reason',
    'As an approver I can approve an access request',
    'As an auditor I can list access requests in a date range',
    'As a developer I can create a flag',
    'As a developer I can toggle a flag',
  ],
});

export function review11iCases(): MatrixCase[] {
  return [
    { id: 'application-audit-range', request: AUDIT_LOG },
    { id: 'application-created-range', request: FLAGS_AND_ACCESS },
    {
      id: 'mutant-range-ignored',
      request: AUDIT_LOG,
      mutation: {
        file: 'src/item-repository.ts',
        find: '&& within(item, query.range))',
        replace: ')',
        breaks: ['story 2 list entries'],
      },
    },
  ];
}
