import type { RequirementCoverage } from '../../../src/core/bundle/requirement-coverage.js';
import { serviceOf } from './generated-service.js';
import { fileContent, generate, parseBundleTemplate } from './offline-test-requests.js';

/**
 * Fix 13a (issue #11): more cases of the kinds review 11m found, beyond its examples — a yes/no
 * adjective in a list is a filter on that field; a rule forbidding a yes/no value in a status
 * guards the update too; a request without stories acts on the record its description books; a
 * bound on how often is a rule, never a schedule; a description sentence asking to tell someone
 * gets the notice a story would.
 */
const sentenceRow = (rows: readonly RequirementCoverage[] | undefined, sentence: number) =>
  rows?.find((row) => row.source.kind === 'description' && row.source.sentence === sentence);
const itemsOf = (json: Record<string, unknown>) =>
  (json['items'] as Record<string, unknown>[] | undefined) ?? [];

describe('fix 13a: a yes/no adjective in a list', () => {
  it('"list active users", where users have `whether it is active`, filters ?active=true, not a status', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Accounts',
      description: 'Each user has an email and whether it is active.',
      stories: ['As a support agent I can create a user', 'As a support agent I can list active users'],
    });
    expect(fileContent(bundle, 'src/model.ts')).not.toMatch(/status: \{/);
    const send = serviceOf(bundle);
    await send('POST /users', { body: { email: 'a@example.com', active: true } });
    await send('POST /users', { body: { email: 'b@example.com', active: false } });
    const active = await send('GET /users', { query: { active: 'true' } });
    expect(itemsOf(active.json).map((user) => user['email'])).toEqual(['a@example.com']);
    expect(fileContent(bundle, 'services/accounts/test/app.test.ts')).toContain(
      "query: { 'active': 'true' }",
    );
  });
});

describe('fix 13a: a description without stories books a record', () => {
  it('"Drivers can reserve a parking spot … cancel their reservation" makes reservations naming a spot, not spots', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Spot reservations',
      description:
        'An API for reserving parking spots. Drivers can reserve a parking spot for an evening and cancel their reservation.',
    });
    expect(fileContent(bundle, 'src/model.ts')).toMatch(/collection: 'reservations'/);
    const send = serviceOf(bundle);
    const made = await send('POST /reservations', { body: { spotId: 's1' } });
    expect(made.statusCode).toBe(201);
  });

  it('a description that never names the record as a thing keeps the subject (`Manage desks.`)', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Desks',
      description: 'An API to manage office desks. Each desk has a floor.',
    });
    expect(fileContent(bundle, 'src/model.ts')).toMatch(/collection: 'desks'/);
  });
});

describe('fix 13a: a bound on how often is a rule, not a schedule', () => {
  const rooms = (sentence: string) =>
    generate({
      taskType: 'application',
      taskName: 'Room bookings',
      description: `Each booking has a room and a date. ${sentence}`,
      stories: ['As an employee I can create a booking', 'As an employee I can list bookings'],
    });

  it.each([
    'A member can book at most twice a week.',
    'A room may be booked no more than 3 times per day.',
    'A room can be booked once a day.',
  ])('"%s" is not covered, naming the limit, never a schedule', async (sentence) => {
    const { bundle } = await rooms(sentence);
    const row = sentenceRow(bundle.coverage, 2);
    expect(row?.status).toBe('not_covered');
    expect(row?.gaps.join(' ')).toMatch(/limits how often it may happen/);
    expect(row?.gaps.join(' ')).not.toMatch(/schedule/);
  });

  it('"Email a summary of the bookings once a day." (no modal) is still a schedule', async () => {
    const { bundle } = await rooms('Email a summary of the bookings once a day.');
    expect(sentenceRow(bundle.coverage, 2)?.gaps.join(' ')).toMatch(/schedule/);
  });
});

describe('fix 13a: a description sentence asking to tell someone', () => {
  const orders = (sentence: string) =>
    generate({
      taskType: 'application',
      taskName: 'Orders',
      description: `Orders are placed, shipped or delivered. ${sentence}`,
      stories: ['As a customer I can place an order', 'As a clerk I can ship an order'],
    });

  it('"Notify the warehouse when an order is shipped." publishes on ship, and the row says so', async () => {
    const { bundle } = await orders('Notify the warehouse when an order is shipped.');
    expect(parseBundleTemplate(bundle).Resources['NotificationTopic']).toBeDefined();
    const row = sentenceRow(bundle.coverage, 2);
    expect(row?.status).toBe('covered');
    expect(row?.implementedBy).toContain('POST /orders/{id}/ship');
    expect((row?.tests ?? []).map((test) => test.title)).toContain('sentence 2 notify warehouse');
    expect(fileContent(bundle, 'services/orders/test/app.test.ts')).toContain(
      "'sentence 2 notify warehouse'",
    );
  });

  it('a moment the model lacks ("when an order is refunded") is not covered, naming why', async () => {
    const { bundle } = await orders('Notify the warehouse when an order is refunded.');
    expect(parseBundleTemplate(bundle).Resources['NotificationTopic']).toBeUndefined();
    const row = sentenceRow(bundle.coverage, 2);
    expect(row?.status).toBe('not_covered');
    expect(row?.gaps.join(' ')).toMatch(/refunded/);
  });
});
