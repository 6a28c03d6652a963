import { blueprintInputFrom } from '../../../../src/generation/offline/blueprint-input-from.js';
import { resourceModel } from '../../../../src/generation/offline/blueprints/application/model/resource-model.js';
import { spelledAs } from '../../../../src/generation/offline/naming/participle.js';
import { requestFor } from '../offline-test-requests.js';

/**
 * Issue #11, review 11l faults 1–6, each as a kind on the model (more cases than the review's):
 * a move whose participle the listed statuses lack records the caller instead; a move keeps the
 * request's spelling; a listed status with `_`, `-` or a space is a list filter; a prohibition
 * qualified by a status guards that status only; `add N to my X` changes X's number field; a delete
 * refused while children exist checks them.
 */
const modelOf = (description: string, stories: readonly string[]) =>
  resourceModel(
    blueprintInputFrom(requestFor({ taskType: 'application', taskName: 'Service', description, stories })),
  );
const route = (model: ReturnType<typeof modelOf>, key: string) =>
  model.operations.find((operation) => operation.routeKey === key);

describe('review 11l kinds: the application model', () => {
  it('spells a participle as the request does, and keeps the usual spelling otherwise', () => {
    expect(spelledAs('cancel', ['subscriptions', 'canceled'])).toBe('canceled');
    expect(spelledAs('cancel', ['cancelled'])).toBe('cancelled');
    expect(spelledAs('cancel', [])).toBe('cancelled');
    expect(spelledAs('label', ['labelled'])).toBe('labelled');
    expect(spelledAs('fill', ['filed'])).toBe('filled');
    expect(spelledAs('pay', ['payed'])).toBe('paid');
  });

  it('moves to the spelling the stories use when no lifecycle is listed, and that status is not final when a story starts from it', () => {
    const model = modelOf('An API for orders.', [
      'As a customer I can place an order',
      'As a customer I can cancel an order',
      'As support I can reinstate a canceled order',
    ]);
    const machine = model.resources[0]?.status;
    expect(machine?.transitions.find((move) => move.action === 'cancel')?.to).toBe('canceled');
    expect(machine?.terminal).not.toContain('canceled');
  });

  it('records the caller and keeps the status for a move the listed statuses lack (claim, assign), but not for a listed one', () => {
    const model = modelOf('A ticketing API. Tickets are new, open, solved or closed.', [
      'As a customer I can create a ticket',
      'As an agent I can claim a ticket for myself',
      'As an agent I can solve a ticket',
    ]);
    expect(model.resources[0]?.status?.transitions.map((move) => move.action)).toEqual(['solve']);
    expect(route(model, 'POST /tickets/{id}/claim')).toMatchObject({
      callerField: 'claimedBy',
      keepsStatus: true,
    });
    expect(route(model, 'POST /tickets/{id}/solve')?.keepsStatus).toBeUndefined();
  });

  it('filters a list on a listed status written with a hyphen or a space', () => {
    for (const written of ['on-hold', 'on hold']) {
      const model = modelOf(`A ticketing API. Tickets are open, ${written} or closed.`, [
        'As a customer I can create a ticket',
        `As an agent I can list tickets that are ${written}`,
      ]);
      const filter = route(model, 'GET /tickets')?.filters.find((one) => one.field === 'status');
      expect(filter?.values).toContain('on_hold');
    }
  });

  it('guards a prohibition qualified by a status on the update or the delete it forbids, never on the moves of the lifecycle', () => {
    const model = modelOf(
      'An invoicing API. Invoices are draft, sent or paid. A paid invoice cannot be deleted. Sent invoices can never be edited.',
      [
        'As a clerk I can create an invoice',
        'As a clerk I can edit an invoice',
        'As a clerk I can send an invoice',
        'As a clerk I can pay an invoice',
        'As a clerk I can delete an invoice',
      ],
    );
    expect(route(model, 'DELETE /invoices/{id}')?.refusedFrom).toEqual(['paid']);
    expect(route(model, 'PATCH /invoices/{id}')?.refusedFrom).toEqual(['sent']);
    // A status move is the listed lifecycle: paying a sent invoice stays allowed.
    expect(route(model, 'POST /invoices/{id}/pay')?.refusedFrom).toEqual([]);
    expect(model.prohibitions.map((prohibition) => prohibition.inStatuses)).toEqual([['paid'], ['sent']]);
  });

  it('reads "add N to my X" as a change of X\'s number field named by N, and leaves a real child alone', () => {
    const model = modelOf('A licensing API. A licence has a holder and a user count between 1 and 50.', [
      'As an admin I can create a licence',
      'As an admin I can add users to my licence',
    ]);
    expect(model.resources.map((resource) => resource.name)).toEqual(['licence']);
    expect(route(model, 'PATCH /licences/{id}')?.stories[0]?.addsTo).toBe('userCount');
    const notes = modelOf('A ticketing API. Each ticket has a subject and a note count of at least 0.', [
      'As an agent I can create a ticket',
      'As an agent I can add a note to a ticket',
      'As an agent I can list the notes of a ticket',
    ]);
    expect(notes.resources.map((resource) => resource.name)).toContain('note');
  });

  it('refuses the delete of a parent while children made under it exist, for any delete verb and holding word', () => {
    const model = modelOf(
      'A projects API. Each task belongs to a project and has a title. A project cannot be removed while it still contains tasks.',
      [
        'As a lead I can create a project',
        'As a lead I can add a task to a project',
        'As a lead I can remove a project',
      ],
    );
    expect(route(model, 'DELETE /projects/{id}')?.refusedWhileHas).toEqual(['tasks']);
    expect(route(model, 'POST /projects/{id}/tasks')?.refusedWhileHas).toBeUndefined();
  });
});
