import type { RequirementCoverage } from '../../../src/core/bundle/requirement-coverage.js';
import { scheduleAsked } from '../../../src/generation/offline/cfn/schedule-expression.js';
import { loadGenerated } from './generated-modules.js';
import { fileContent, generate, parseBundleTemplate, resourcesOfType } from './offline-test-requests.js';

/**
 * Review 11h (issue #11, the first hour): generated prose picks a or an by sound, in the PR body
 * and in what the generated service answers.
 */
const sentenceRow = (rows: readonly RequirementCoverage[] | undefined, sentence: number) =>
  rows?.find((row) => row.source.kind === 'description' && row.source.sentence === sentence);
const storyRow = (rows: readonly RequirementCoverage[] | undefined, number: number) =>
  rows?.find((row) => row.source.kind === 'story' && row.source.number === number);

interface Result {
  statusCode: number;
  body: string;
}
type App = (event: Record<string, unknown>) => Promise<Result>;

describe('a or an in generated prose', () => {
  it('the "my" gap names "an employeeId", not "a employeeId"', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Leave',
      stories: [
        'As an employee I can submit a leave request with an employee id and a number of days',
        'As an employee I can list my leave requests',
      ],
    });
    const gaps = (bundle.coverage ?? []).flatMap((row) => row.gaps ?? []).join(' ');
    expect(gaps).toContain('(or an employeeId)');
    expect(gaps).not.toMatch(/\ba [aeio]/);
    expect(storyRow(bundle.coverage, 2)?.status).not.toBe('covered');
  });

  it('the generated service refuses "cannot cancel an order that is shipped", and "a user account" keeps "a"', async () => {
    const answer = async (
      taskName: string,
      stories: string[],
      [verb, collection, body]: [string, string, string],
    ) => {
      const { bundle } = await generate({ taskType: 'application', taskName, stories });
      const loaded = loadGenerated(bundle, [
        ['src/app.ts', ['createApp']],
        ['src/item-repository.ts', ['InMemoryItemRepository']],
        ['src/status-events.ts', ['RecordingStatusEvents']],
      ]);
      const createApp = loaded['createApp'] as (deps: Record<string, unknown>) => App;
      const Repository = loaded['InMemoryItemRepository'] as new () => unknown;
      const app = createApp({ repository: new Repository(), newId: () => 'id-1', now: () => new Date(0) });
      const created = await app({ routeKey: `POST /${collection}`, body, headers: {} });
      expect(created.statusCode).toBe(201);
      const moved = await app({
        routeKey: `POST /${collection}/{id}/${verb}`,
        pathParameters: { id: 'id-1' },
      });
      expect(moved.statusCode).toBe(200);
      const refused = await app({
        routeKey: `POST /${collection}/{id}/cancel`,
        pathParameters: { id: 'id-1' },
      });
      expect(refused.statusCode).toBe(409);
      return (JSON.parse(refused.body) as { error: string }).error;
    };
    await expect(
      answer(
        'Shop',
        [
          'As a customer I can place an order with a total',
          'As a worker I can ship an order',
          'As a customer I can cancel an order that has not shipped',
        ],
        ['ship', 'orders', '{"total":5}'],
      ),
    ).resolves.toBe('cannot cancel an order that is shipped');
    await expect(
      answer(
        'Accounts',
        [
          'As a customer I can open a user account with a name',
          'As an agent I can suspend a user account',
          'As a customer I can cancel a user account that is not suspended',
        ],
        ['suspend', 'user-accounts', '{"name":"Ann"}'],
      ),
    ).resolves.toBe('cannot cancel a user account that is suspended');
  });

  it('an integration test title says "an OrderPlaced message"', async () => {
    const { bundle } = await generate({
      taskType: 'integration',
      taskName: 'Order queue',
      description: 'Consume OrderPlaced messages from a queue.',
    });
    const tests = bundle.files.map((file) => file.content).join('\n');
    expect(tests).toContain('an OrderPlaced message');
    expect(tests).not.toContain('a OrderPlaced');
    expect(fileContent(bundle, 'src/messages.ts')).toContain("'OrderPlaced'");
  });
});

describe('a notification story publishes to an SNS topic at the moment it names (issue #11 item 1)', () => {
  const leave = () =>
    generate({
      taskType: 'application',
      taskName: 'Leave requests',
      stories: [
        'As an employee I can submit a leave request with a number of days',
        'As a manager I can approve a leave request',
        'As a manager I am notified by email when a leave request is submitted',
        'Notify the employee on Slack when a leave request is approved',
        'Alert the team when a leave request is rejected',
      ],
    }).then(({ bundle }) => bundle);

  it('the template holds the topic, an email subscription when an address is set, and sns:Publish scoped to that topic only', async () => {
    const bundle = await leave();
    const template = parseBundleTemplate(bundle);
    expect(resourcesOfType(template, 'AWS::SNS::Topic').map(([id]) => id)).toEqual(['NotificationTopic']);
    const [, subscription] = resourcesOfType(template, 'AWS::SNS::Subscription')[0] ?? [];
    expect(subscription).toMatchObject({
      Condition: 'HasNotificationEmail',
      Properties: {
        Protocol: 'email',
        TopicArn: { Ref: 'NotificationTopic' },
        Endpoint: { Ref: 'NotificationEmail' },
      },
    });
    const role = template.Resources['ApiFunctionRole']?.Properties as {
      Policies: { PolicyDocument: { Statement: { Action: string | string[]; Resource: unknown }[] } }[];
    };
    const publishing = role.Policies.flatMap((policy) => policy.PolicyDocument.Statement).filter(
      (statement) => [statement.Action].flat().some((action) => action.startsWith('sns:')),
    );
    expect(publishing).toEqual([
      { Effect: 'Allow', Action: 'sns:Publish', Resource: { Ref: 'NotificationTopic' } },
    ]);
    const variables = (
      template.Resources['ApiFunction']?.Properties?.['Environment'] as { Variables: Record<string, unknown> }
    ).Variables;
    expect(variables['NOTIFICATION_TOPIC_ARN']).toEqual({ Ref: 'NotificationTopic' });
  });

  it('the generated service publishes once on submit and once on approve, to the topic the handler is given', async () => {
    const bundle = await leave();
    const loaded = loadGenerated(bundle, [
      ['src/app.ts', ['createApp']],
      ['src/item-repository.ts', ['InMemoryItemRepository']],
      ['src/sns-notifications.ts', ['createSnsNotifications']],
    ]);
    const createApp = loaded['createApp'] as (deps: Record<string, unknown>) => App;
    const Repository = loaded['InMemoryItemRepository'] as new () => unknown;
    const createSnsNotifications = loaded['createSnsNotifications'] as (params: {
      topicArn: string;
      publish: (input: Record<string, unknown>) => Promise<unknown>;
    }) => unknown;
    const published: Record<string, unknown>[] = [];
    const topicArn = 'arn:aws:sns:ap-southeast-2:123456789012:leave-notices';
    const notifications = createSnsNotifications({
      topicArn,
      publish: (input) => {
        published.push(input);
        return Promise.resolve({});
      },
    });
    const base = {
      repository: new Repository(),
      newId: () => 'id-1',
      now: () => new Date(0),
      log: () => undefined,
    };
    // A story asks for notices: an app without a way to send them is refused at start.
    expect(() => createApp(base)).toThrow('notifications is required');
    const app = createApp({ ...base, notifications });
    const created = await app({ routeKey: 'POST /leave-requests', body: '{"days":2}', headers: {} });
    expect(created.statusCode).toBe(201);
    expect(published).toEqual([
      expect.objectContaining({
        TopicArn: topicArn,
        Subject: 'Leave request submitted: id-1',
        MessageAttributes: {
          resource: { DataType: 'String', StringValue: 'leaveRequest' },
          happened: { DataType: 'String', StringValue: 'submitted' },
        },
      }),
    ]);
    await app({ routeKey: 'GET /leave-requests/{id}', pathParameters: { id: 'id-1' } });
    expect(published).toHaveLength(1);
    const approved = await app({
      routeKey: 'POST /leave-requests/{id}/approve',
      pathParameters: { id: 'id-1' },
    });
    expect(approved.statusCode).toBe(200);
    expect(published.map((input) => input['Subject'])).toEqual([
      'Leave request submitted: id-1',
      'Leave request approved: id-1',
    ]);
  });

  it('the PR body: email covered, Slack partial naming what would send it, a moment no route makes not covered', async () => {
    const bundle = await leave();
    expect(storyRow(bundle.coverage, 3)).toMatchObject({ status: 'covered', gaps: [] });
    expect(storyRow(bundle.coverage, 3)?.implementedBy).toContain('NotificationEmail');
    expect(storyRow(bundle.coverage, 4)?.status).toBe('partial');
    expect(storyRow(bundle.coverage, 4)?.gaps).toEqual([
      expect.stringMatching(/^a Slack message is not sent: .*AWS Chatbot/),
    ]);
    expect(storyRow(bundle.coverage, 5)?.status).toBe('not_covered');
    expect(storyRow(bundle.coverage, 5)?.gaps).toEqual([
      expect.stringContaining('no route makes a leave request "rejected"'),
    ]);
  });

  it('a resource without statuses notifies when one is created; a story naming no item of the service is not covered', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Notes',
      stories: [
        'As a writer I can add a note with a title',
        'Email subscribers when a note is created',
        'Notify the team when the weather changes',
      ],
    });
    expect(fileContent(bundle, 'src/model.ts')).toContain('notify: { created: true }');
    expect(storyRow(bundle.coverage, 2)?.status).toBe('covered');
    expect(storyRow(bundle.coverage, 3)?.status).toBe('not_covered');
  });
});

/** AWS's grammar for a rule's schedule: rate with a singular unit for 1, or six cron fields with `?` in exactly one day field. */
function isRuleSchedule(expression: string): boolean {
  const rate = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/.exec(expression);
  if (rate !== null) return (rate[1] === '1') === !(rate[2] ?? '').endsWith('s') && Number(rate[1]) >= 1;
  const cron = /^cron\((.+)\)$/.exec(expression)?.[1]?.split(' ') ?? [];
  return cron.length === 6 && [cron[2], cron[4]].filter((field) => field === '?').length === 1;
}

describe('a schedule the request names is an EventBridge schedule expression (issue #11 item 2)', () => {
  it.each([
    ['Check the API every hour.', 'rate(1 hour)'],
    ['Runs hourly.', 'rate(1 hour)'],
    ['Check it every minute.', 'rate(1 minute)'],
    ['Check it every 15 minutes.', 'rate(15 minutes)'],
    ['Check it every 1 day.', 'rate(1 day)'],
    ['Check it every half hour.', 'rate(30 minutes)'],
    ['Check it every day at 02:00 UTC.', 'cron(0 2 * * ? *)'],
    ['Check it daily at 2:30pm.', 'cron(30 14 * * ? *)'],
    ['Check it weekdays at 9.', 'cron(0 9 ? * MON-FRI *)'],
    ['Check it every Monday at 8am.', 'cron(0 8 ? * MON *)'],
    ['Check it every day at midnight.', 'cron(0 0 * * ? *)'],
    ['Check it every day.', 'rate(1 day)'],
  ])('"%s" → %s', (text, expression) => {
    const asked = scheduleAsked(text);
    expect(asked).toMatchObject({ expression });
    expect(isRuleSchedule(expression)).toBe(true);
  });

  it.each([
    ['Check it every 30 seconds.', /shortest schedule is rate\(1 minute\)/],
    ['Check it every 1.5 hours.', /not a whole number of hours/],
    ['Check it weekdays at 9am Sydney time.', /EventBridge Scheduler .*ScheduleExpressionTimezone/],
    ['Check it daily at 2pm AEST.', /"aest" is not UTC/],
    ['Check it every day at 25:00.', /not a time of day/],
  ])('"%s" cannot be a rule schedule and says why', (text, why) => {
    const asked = scheduleAsked(text);
    expect(asked !== undefined && 'unmet' in asked ? asked.unmet : '').toMatch(why);
  });

  it('names no schedule in "respond within 3 s" or "alert on slow response time"', () => {
    expect(scheduleAsked('The API must respond within 3 s and alert on slow response time.')).toBeUndefined();
  });

  it('the canary runs on the schedule asked, proves it in its own test, and the PR body says it', async () => {
    const { bundle } = await generate({
      taskType: 'testing',
      taskName: 'Orders API checks',
      description: 'Check the Orders API every hour. Run the deep checks weekdays at 9am Sydney time.',
    });
    const template = parseBundleTemplate(bundle);
    expect(template.Parameters?.['ScheduleExpression']?.['Default']).toBe('rate(1 hour)');
    expect(template.Resources['CanarySchedule']?.Properties?.['ScheduleExpression']).toEqual({
      Ref: 'ScheduleExpression',
    });
    expect(fileContent(bundle, 'test/run-checks.test.ts')).toContain('.toBe("rate(1 hour)")');
    const first = sentenceRow(bundle.coverage, 1);
    expect(first).toMatchObject({ status: 'covered', resources: ['CanarySchedule'] });
    expect(first?.implementedBy).toContain('rate(1 hour)');
    const second = sentenceRow(bundle.coverage, 2);
    expect(second?.status).toBe('not_covered');
    expect(second?.gaps.join(' ')).toContain('ScheduleExpressionTimezone');
  });

  it('"nightly" with no time runs at 00:00 UTC and says the time was chosen', async () => {
    const { bundle } = await generate({
      taskType: 'testing',
      taskName: 'Orders API checks',
      description: 'Check the Orders API nightly.',
    });
    expect(parseBundleTemplate(bundle).Parameters?.['ScheduleExpression']?.['Default']).toBe(
      'cron(0 0 * * ? *)',
    );
    expect(sentenceRow(bundle.coverage, 1)).toMatchObject({
      status: 'partial',
      gaps: ['no time was named: it runs at 00:00 UTC'],
    });
  });
});
