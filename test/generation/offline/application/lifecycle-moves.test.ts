import { blueprintInputFrom } from '../../../../src/generation/offline/blueprint-input-from.js';
import { resourceModel } from '../../../../src/generation/offline/blueprints/application/model/resource-model.js';
import type { ResourceModel } from '../../../../src/generation/offline/blueprints/application/model/resource-model-types.js';
import { serviceOf } from '../generated-service.js';
import { generate, requestFor } from '../offline-test-requests.js';

/**
 * Issue #11 (review 11n): a story's verb and object move the resource whose lifecycle the
 * description lists, not a second resource made of the object: `check in a patient for an
 * appointment`, `hand over a kayak for a rental`, `return a kayak`, `start testing a sample`,
 * `report a sample` beside `register a sample`.
 */
const modelOf = (stories: readonly string[], description: string) =>
  resourceModel(
    blueprintInputFrom(requestFor({ taskType: 'application', taskName: 'Service', stories, description })),
  );
const names = (model: ResourceModel) => model.resources.map((resource) => resource.name);
const routes = (model: ResourceModel) => model.operations.map((operation) => operation.routeKey);
const movesOf = (model: ResourceModel, name: string) =>
  model.resources
    .find((resource) => resource.name === name)
    ?.status?.transitions.map(({ action, to }) => [action, to]);

const hotel = {
  description:
    'A bookings API for our hotel. Each booking has a room number and a check-in date. Bookings are confirmed, checked in, checked out or cancelled.',
  stories: [
    'As a guest I can create a booking',
    'As a guest I can cancel a booking',
    'As a receptionist I can check in a guest for a booking',
    'As a receptionist I can check out a guest',
    'As a receptionist I can list bookings that are checked in',
  ],
};

describe('lifecycle moves: a verb and object moving the listed lifecycle', () => {
  it('checks a guest in and out of a booking: moves of the booking to its listed statuses, no `guest` resource', () => {
    const model = modelOf(hotel.stories, hotel.description);
    expect(names(model)).toEqual(['booking']);
    expect(movesOf(model, 'booking')).toEqual([
      ['cancel', 'cancelled'],
      ['check-in', 'checked_in'],
      ['check-out', 'checked_out'],
    ]);
    // `for a booking` is what the move acts on, not words that shaped nothing.
    expect(model.stories.find((story) => story.intent.number === 3)?.unused).toEqual([]);
  });

  it('drives the generated handler: a booking checked in is listed as checked in, then checked out', async () => {
    const { bundle } = await generate({ taskType: 'application', taskName: 'Hotel', ...hotel });
    const send = serviceOf(bundle);
    await send('POST /bookings', { body: { roomNumber: '12', checkInDate: '2026-12-01T14:00:00Z' } });
    const first = { pathParameters: { id: 'id-1' } };
    expect((await send('POST /bookings/{id}/check-in', first)).json['status']).toBe('checked_in');
    const listed = await send('GET /bookings', { query: { status: 'checked_in' } });
    expect((listed.json['items'] as unknown[]).length).toBe(1);
    expect((await send('POST /bookings/{id}/check-out', first)).json['status']).toBe('checked_out');
    const row = bundle.coverage?.find(
      (entry) => entry.source.kind === 'description' && entry.source.sentence === 3,
    );
    expect(row?.status).toBe('covered');
    expect(row?.implementedBy ?? '').not.toMatch(/guests/);
  });

  it('reads handing over as the listed `out` and returning as `returned`, also when the bike is named by the rental only through `for`', () => {
    const model = modelOf(
      [
        'As a clerk I can create a rental',
        'As a clerk I can hand over a bike for a rental',
        'As a clerk I can return a bike',
      ],
      'A rentals API for the bike shop. Each rental has a start time. Rentals are booked, out or returned.',
    );
    expect(names(model)).toEqual(['rental']);
    expect(movesOf(model, 'rental')).toEqual([
      ['hand-over', 'out'],
      ['return', 'returned'],
    ]);
  });

  it('moves a thing the resource belongs to (`Each visit belongs to a pet`) to the status the verb sets', () => {
    const model = modelOf(
      ['As a vet I can create a visit', 'As a nurse I can admit a pet', 'As a nurse I can discharge a pet'],
      'A visits API for the vet. Each visit belongs to a pet. Visits are booked, admitted, discharged or cancelled.',
    );
    expect(names(model)).toEqual(['visit']);
    expect(routes(model)).toEqual(
      expect.arrayContaining(['POST /visits/{id}/admit', 'POST /visits/{id}/discharge']),
    );
  });

  it('keeps a move of a thing that is a resource of its own (a story registers patients) on that resource', () => {
    const model = modelOf(
      [
        'As a receptionist I can register a patient',
        'As a patient I can book an appointment',
        'As a receptionist I can check in a patient for an appointment',
      ],
      'Appointments are booked, checked in or completed.',
    );
    expect(routes(model)).toContain('POST /patients/{id}/check-in');
    expect(routes(model)).not.toContain('POST /appointments/{id}/check-in');
  });

  it('reads `hand over a rental` as the listed `out` too', () => {
    const model = modelOf(
      ['As a clerk I can create a rental', 'As a clerk I can hand over a rental'],
      'Rentals are booked, out or returned.',
    );
    expect(movesOf(model, 'rental')).toEqual([['hand-over', 'out']]);
  });

  it('reads `start <listed status> a …` as a move to that status, and leaves it alone when the status is not listed', () => {
    const listed = modelOf(
      ['As an author I can submit a paper', 'As an editor I can start reviewing a paper'],
      'Papers are submitted, reviewing, accepted or rejected.',
    );
    expect(movesOf(listed, 'paper')).toEqual([['start', 'reviewing']]);
    expect(routes(listed)).toContain('POST /papers/{id}/start');
    const unlisted = modelOf(
      ['As an author I can submit a paper', 'As an editor I can start reviewing a paper'],
      'Papers are submitted, accepted or rejected.',
    );
    expect(movesOf(unlisted, 'paper') ?? []).not.toContainEqual(['start', 'reviewing']);
  });

  it('reads a create verb whose status is listed after the first, beside another create, as a move recording its fields', () => {
    const model = modelOf(
      ['As an author I can write a post', 'As an editor I can schedule a post with a publish date'],
      'Posts are draft, scheduled or published.',
    );
    expect(movesOf(model, 'post')).toEqual([['schedule', 'scheduled']]);
    const schedule = model.operations.find((operation) => operation.routeKey === 'POST /posts/{id}/schedule');
    expect(schedule?.records).toEqual(['publishDate']);
    // The field is given when the post is scheduled, not when it is written.
    expect(model.resources[0]?.fields.find((field) => field.name === 'publishDate')?.required).toBe(false);
  });

  it('keeps the only create a create, whatever status its verb names (`report a bug`, bugs `reported, triaged or fixed`)', () => {
    const model = modelOf(
      ['As a user I can report a bug', 'As a developer I can fix a bug'],
      'Bugs are reported, triaged or fixed.',
    );
    expect(routes(model)).toContain('POST /bugs');
    expect(routes(model)).not.toContain('POST /bugs/{id}/report');
    expect(model.resources[0]?.status?.initial).toBe('reported');
  });
});
