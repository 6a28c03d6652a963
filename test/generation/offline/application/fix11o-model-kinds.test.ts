import type { RequirementCoverage } from '../../../../src/core/bundle/requirement-coverage.js';
import { serviceOf } from '../generated-service.js';
import { fileContent, generate } from '../offline-test-requests.js';

/**
 * Issue #11 fix 11o: more cases of the kinds review 11m found. A verb whose status a listed lifecycle
 * lacks is no status move (a field change when it names a field, else not covered with why), while
 * endings (`cancel`) and returns (`reopen`) stay moves; `borrow`/`rent` make the record beside stories
 * on it; `apply for` makes its object; `by its <field>` looks an item up by that field; the catalogue
 * or inventory is the service, not a parent; an `average` of an item is a derived figure; measures
 * are numbers; the README names date-time fields as such.
 */
const rows = async (description: string, stories: readonly string[]) => {
  const { bundle } = await generate({ taskType: 'application', taskName: 'Service', description, stories });
  const story = (number: number): RequirementCoverage | undefined =>
    bundle.coverage?.find((row) => row.source.kind === 'story' && row.source.number === number);
  return { bundle, story, send: serviceOf(bundle) };
};
const one = { pathParameters: { id: 'id-1' } };

describe('a verb outside the listed lifecycle', () => {
  const subscriptions = 'Subscriptions are trialing, active or canceled.';

  it('is not covered when it names no field, and names the status the lifecycle lacks', async () => {
    const { bundle, story } = await rows(subscriptions, [
      'As a customer I can start a subscription',
      'As a customer I can extend a subscription',
      'As a customer I can cancel a subscription',
    ]);
    expect(fileContent(bundle, 'src/model.ts')).not.toContain("'extended'");
    expect(story(2)?.status).toBe('not_covered');
    expect(story(2)?.gaps.join(' ')).toMatch(/`extended` is not one of them/);
    // An ending keeps its status beside the listed ones.
    expect(story(3)?.implementedBy).toContain('POST /subscriptions/{id}/cancel');
  });

  it('changes the field it names (PATCH), keeping the status', async () => {
    const { story, send } = await rows('Bookings are confirmed, completed or cancelled.', [
      'As a guest I can book a room',
      'As a guest I can postpone the start date of a booking',
      'As a host I can complete a booking',
    ]);
    expect(story(2)?.implementedBy).toContain('PATCH /bookings/{id}');
    await send('POST /bookings', { body: { roomId: 'r1' } });
    const moved = await send('PATCH /bookings/{id}', { ...one, body: { startDate: '2027-01-02' } });
    expect(moved.statusCode).toBe(200);
    expect(moved.json['status']).toBe('confirmed');
  });

  it('keeps a move to a listed status and a return to one (`reopen`)', async () => {
    const { story } = await rows('Tickets are open, resolved or closed.', [
      'As an agent I can open a ticket',
      'As an agent I can resolve a ticket',
      'As a customer I can reopen a resolved ticket',
    ]);
    expect(story(2)?.implementedBy).toContain('POST /tickets/{id}/resolve');
    expect(story(3)?.implementedBy).toContain('POST /tickets/{id}/reopen');
  });
});

describe('records a verb makes', () => {
  it('makes "rent a bike" beside stories on rentals a rental', async () => {
    const { bundle, story, send } = await rows('Rentals are active or returned.', [
      'As a rider I can rent a bike',
      'As a rider I can return a rental',
    ]);
    expect(fileContent(bundle, 'src/model.ts')).not.toMatch(/collection: 'bikes'/);
    expect(story(1)?.implementedBy).toContain('POST /rentals');
    expect((await send('POST /rentals', { body: { bikeNumber: 'b1' } })).statusCode).toBe(201);
  });

  it('keeps "borrow a book" a move of books when no story acts on loans', async () => {
    const { story } = await rows('', ['As a librarian I can add a book', 'As a member I can borrow a book']);
    expect(story(2)?.implementedBy).toContain('POST /books/{id}/borrow');
  });

  it('makes "apply for a grant" create the grant, and "pay for an order" stays unlisted-less', async () => {
    const { story } = await rows('', [
      'As a researcher I can apply for a grant with a title',
      'As a customer I can pay for an order',
    ]);
    expect(story(1)?.implementedBy).toContain('POST /grants');
    expect(story(2)?.status).toBe('not_covered');
  });
});

describe('words a story or description gives', () => {
  it('looks an item up by a named field of its own (`by its registration number`)', async () => {
    const { story, send } = await rows('Each vehicle has a registration number and a colour.', [
      'As a manager I can register a vehicle',
      'As a warden I can find a vehicle by its registration number',
    ]);
    expect(story(2)?.implementedBy).toContain('by registrationNumber when given');
    await send('POST /vehicles', { body: { registrationNumber: 'AB1' } });
    await send('POST /vehicles', { body: { registrationNumber: 'CD2' } });
    const found = await send('GET /vehicles', { query: { registrationNumber: 'CD2' } });
    expect((found.json['items'] as unknown[]).length).toBe(1);
  });

  it('makes an inventory the service, not a parent, and types measures as numbers', async () => {
    const { bundle, send } = await rows('Each part has a name, a weight and a length.', [
      'As a clerk I can add a part to the inventory',
    ]);
    expect(fileContent(bundle, 'src/model.ts')).not.toMatch(/collection: 'inventories'/);
    const made = await send('POST /parts', { body: { name: 'bolt', length: 12.5 } });
    expect(made.statusCode).toBe(201);
    expect((await send('POST /parts', { body: { name: 'nut', length: 'long' } })).statusCode).toBe(400);
  });

  it('reads "the average score of a game" as a figure worked out, not a read of the game', async () => {
    const { story } = await rows('', [
      'As a player I can create a game',
      'As a player I can see the average score of a game',
    ]);
    expect(story(2)?.status).toBe('not_covered');
    expect(story(2)?.gaps.join(' ')).toMatch(/"average score"/);
  });

  it('says in the README that a date field is an ISO 8601 date-time', async () => {
    const { bundle } = await rows('Each event has a name and a start date.', [
      'As an organiser I can create an event',
    ]);
    expect(fileContent(bundle, 'README.md')).toContain('`startDate` (ISO 8601 date-time');
  });
});
