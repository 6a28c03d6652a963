import type { RequirementCoverage } from '../../../../src/core/bundle/requirement-coverage.js';
import { serviceOf } from '../generated-service.js';
import { fileContent, generate } from '../offline-test-requests.js';

/**
 * Fix 13e (issue #11): the kinds review 11n found, on other domains. A bound counting things no unit
 * names is a whole number from 0 (`a capacity of at most 40 people`); a field a story gives when it
 * moves the item to a later status is optional when the item is made; a generated filter test
 * creates items the model accepts whatever the field's limits; a visibility rule the list does not
 * enforce, and a refusal of something no route does, are never covered.
 */
const sentenceRow = (rows: readonly RequirementCoverage[] | undefined, sentence: number) =>
  rows?.find((row) => row.source.kind === 'description' && row.source.sentence === sentence);

const rooms = {
  taskType: 'application' as const,
  taskName: 'Meeting rooms',
  description:
    'A rooms API. Each room has a name, a code of at most 4 characters, a floor (ground, first or second) and a capacity of at most 40 people. Rooms are open, closed or retired. Retired rooms cannot be booked. Only open rooms are shown to staff.',
  stories: [
    'As a facilities manager I can add a room',
    'As a member of staff I can list rooms by code',
    'As a member of staff I can list rooms by floor',
    'As a facilities manager I can close a room',
    'As a facilities manager I can retire a room',
  ],
};

const parcels = {
  taskType: 'application' as const,
  taskName: 'Parcels',
  description: 'A parcels API. Parcels are registered, shipped or delivered.',
  stories: [
    'As a clerk I can register a parcel with a weight',
    'As a courier I can ship a parcel',
    'As a courier I can deliver a parcel with a signature',
  ],
};

describe('fix 13e: model kinds', () => {
  it('"a capacity of at most 40 people" is the whole number `capacity`, 0 to 40', async () => {
    const { bundle } = await generate(rooms);
    const send = serviceOf(bundle);
    const room = { name: 'Blue', code: 'B1', floor: 'first' };
    expect((await send('POST /rooms', { body: { ...room, capacity: 41 } })).statusCode).toBe(400);
    expect((await send('POST /rooms', { body: { ...room, capacity: -1 } })).statusCode).toBe(400);
    expect((await send('POST /rooms', { body: { ...room, capacity: 2.5 } })).statusCode).toBe(400);
    expect((await send('POST /rooms', { body: { ...room, capacity: 12 } })).json['capacity']).toBe(12);
    expect(fileContent(bundle, 'src/model.ts')).not.toContain('capacityPeople');
  });

  it('every filter test of the generated suite creates items the model accepts (a listed floor, a code of at most 4 characters) and checks each create answered 201', async () => {
    const { bundle } = await generate(rooms);
    const tests = fileContent(bundle, 'test/app.test.ts');
    const send = serviceOf(bundle);
    const room = { name: 'Blue', code: 'B1', floor: 'first', capacity: 10 };
    for (const field of ['code', 'floor']) {
      const given = [
        ...tests.matchAll(
          new RegExp(
            `const (?:one|two) = await call\\('POST /rooms', \\{ body: \\{ \\.\\.\\.SAMPLES\\.room, ${field}: '([^']*)'`,
            'g',
          ),
        ),
      ].map((match) => match[1] ?? '');
      expect(given.length).toBeGreaterThanOrEqual(2);
      for (const value of given)
        expect((await send('POST /rooms', { body: { ...room, [field]: value } })).statusCode).toBe(201);
    }
    expect(tests).toContain('expect(one).toMatchObject({ status: 201, body: { id: expect.any(String) } });');
  });

  it('"deliver a parcel with a signature", where parcels are registered, shipped or delivered, leaves `signature` optional when a parcel is registered', async () => {
    const { bundle } = await generate(parcels);
    const send = serviceOf(bundle);
    expect((await send('POST /parcels', { body: { weight: 2 } })).statusCode).toBe(201);
    expect((await send('POST /parcels', { body: {} })).statusCode).toBe(400);
  });

  it('"Retired rooms cannot be booked." (no route books a room) and "Only open rooms are shown to staff." (GET /rooms lists every status) are not covered', async () => {
    const { bundle } = await generate(rooms);
    const refused = sentenceRow(bundle.coverage, 4);
    expect(refused?.status).not.toBe('covered');
    expect(refused?.gaps.join(' ')).toMatch(/book/);
    const shown = sentenceRow(bundle.coverage, 5);
    expect(shown?.status).not.toBe('covered');
    expect(shown?.gaps.join(' ')).toMatch(/GET \/rooms/);
  });

  it('the generated suite has a template test of the items table, and a sentence asking for backups cites it', async () => {
    const { bundle } = await generate({
      ...parcels,
      description: `${parcels.description} Back up the table with point-in-time recovery.`,
    });
    expect(fileContent(bundle, 'test/app.test.ts')).toContain('PointInTimeRecoveryEnabled: true');
    const row = sentenceRow(bundle.coverage, 3);
    expect(row?.tests.map((test) => test.title).join(' ')).toMatch(/point-in-time recovery/);
  });
});
