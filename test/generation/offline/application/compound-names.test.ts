import type { RequirementCoverage } from '../../../../src/core/bundle/requirement-coverage.js';
import { fileContent, generate } from '../offline-test-requests.js';

const storyRow = (rows: readonly RequirementCoverage[] | undefined, number: number) =>
  rows?.find((row) => row.source.kind === 'story' && row.source.number === number);

describe('a compound noun names its resource whole (review 11f)', () => {
  it('serves "leave request" at /leave-requests in routes, tests, messages, events, README and rows', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Leave requests',
      description:
        'An API for employee leave requests, stored in DynamoDB. Each leave request has a start date, an end date and a number of days. Publish an event when the status changes.',
      stories: [
        'As an employee I can request leave with a start date, an end date and a number of days',
        'As a manager I can approve a leave request',
        'As HR I can list approved leave requests',
      ],
    });
    const routes = fileContent(bundle, 'src/routes.ts');
    expect(routes).toContain("'POST /leave-requests': { operation: 'create', resource: 'leaveRequest' }");
    expect(routes).toContain("'POST /leave-requests/{id}/approve'");
    expect(routes).not.toMatch(/'[A-Z]+ \/requests/);
    const model = fileContent(bundle, 'src/model.ts');
    expect(model).toContain("collection: 'leave-requests'");
    expect(model).toContain("statusEventType: 'LeaveRequestStatusChanged'");
    expect(model).toContain("{ name: 'days', type: 'number', required: true }");
    const tests = fileContent(bundle, 'test/app.test.ts');
    expect(tests).toContain("describe('leave request', () => {");
    expect(tests).toContain("it('leave request lifecycle create read back list approve'");
    expect(fileContent(bundle, 'src/status-rules.ts')).toContain(
      "'the ' + spokenName(resource) + ' is already '",
    );
    expect(fileContent(bundle, 'README.md')).toContain('**leave request** (`/leave-requests`)');
    expect(storyRow(bundle.coverage, 1)?.implementedBy).toBe('POST /leave-requests creates a leave request');
    expect(storyRow(bundle.coverage, 3)?.implementedBy).toMatch(/^GET \/leave-requests lists leave requests/);
  });

  it('names expense claims whole, and keeps a head noun whose modifiers differ', async () => {
    const claims = await generate({
      taskType: 'application',
      taskName: 'Claims',
      description: 'An API for expense claims, stored in DynamoDB.',
      stories: [
        'As an employee I can claim expenses with an amount',
        'As a manager I can approve an expense claim',
      ],
    });
    expect(fileContent(claims.bundle, 'src/routes.ts')).toContain("'POST /expense-claims/{id}/approve'");
    // `list urgent tickets`, `high priority tickets`, `I can list tickets`: no compound.
    const desk = await generate({
      taskType: 'application',
      taskName: 'Helpdesk',
      description: 'Each ticket has a title and a priority.',
      stories: [
        'As a customer I can open a ticket with a title',
        'As an agent I can list high priority tickets',
        'As an agent I can list urgent tickets',
        'As an agent I can list closed tickets',
      ],
    });
    const routes = fileContent(desk.bundle, 'src/routes.ts');
    expect(routes).toContain("'POST /tickets'");
    expect(routes).not.toMatch(/-tickets/);
    // `support tickets` once beside `a ticket` everywhere else: the head alone is its name.
    const support = await generate({
      taskType: 'application',
      taskName: 'Support',
      description: 'A help desk for support tickets. Each ticket has an assignee.',
      stories: ['As a customer I can open a ticket', 'As an agent I can close a ticket'],
    });
    expect(fileContent(support.bundle, 'src/routes.ts')).toContain("'POST /tickets/{id}/close'");
    // Two different nouns before the head: neither is its name.
    const mixed = await generate({
      taskType: 'application',
      taskName: 'Requests',
      description: 'An API for leave requests and travel requests.',
      stories: ['As an employee I can file a request', 'As a manager I can approve a request'],
    });
    expect(fileContent(mixed.bundle, 'src/routes.ts')).toContain("'POST /requests/{id}/approve'");
  });
});
