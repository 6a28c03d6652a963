import { blueprintInputFrom } from '../../../../src/generation/offline/blueprint-input-from.js';
import { resourceModel } from '../../../../src/generation/offline/blueprints/application/model/resource-model.js';
import { requestFor } from '../offline-test-requests.js';

const modelOf = (stories: readonly string[], description?: string) =>
  resourceModel(
    blueprintInputFrom(
      requestFor({
        taskType: 'application',
        taskName: 'Stock Service',
        stories,
        ...(description === undefined ? {} : { description }),
      }),
    ),
  );

describe('resourceModel', () => {
  it('keeps a new user’s inventory stories on one resource, with every field the stories name', () => {
    const model = modelOf([
      'As a warehouse manager I can add a product with a sku, a name, a quantity and a reorder threshold',
      'As warehouse staff I can update the quantity of a product',
      "As warehouse staff I can see a product's stock level",
      'As a warehouse manager I can list the products of a warehouse',
    ]);
    expect(model.resources.map((resource) => resource.name)).toEqual(['product']);
    expect(model.resources[0]?.fields).toEqual([
      { name: 'warehouseId', type: 'string', required: true },
      { name: 'sku', type: 'string', required: true },
      { name: 'name', type: 'string', required: true },
      { name: 'quantity', type: 'number', required: true },
      { name: 'reorderThreshold', type: 'number', required: true },
      { name: 'stockLevel', type: 'string', required: false },
    ]);
    expect(model.resources[0]?.ownerField).toBe('warehouseId');
    expect(
      model.operations.map((operation) => [
        operation.routeKey,
        operation.stories.map((s) => s.intent.number),
      ]),
    ).toEqual([
      ['POST /products', [1]],
      ['GET /products/{id}', [3]],
      ['GET /products', [4]],
      ['PATCH /products/{id}', [2]],
    ]);
  });

  it('gives a possessed thing its own resource only when the owner is not one the stories create', () => {
    const model = modelOf([
      "As a support agent I can view a customer's ticket",
      'As a customer I can open a ticket',
    ]);
    expect(model.resources.map((resource) => [resource.name, resource.ownerField])).toEqual([
      ['ticket', 'customerId'],
    ]);
  });

  it('types a field by its last word', () => {
    const model = modelOf(['As a clerk I can add a product with a unit price and a display name']);
    expect(model.resources[0]?.fields).toEqual([
      { name: 'unitPrice', type: 'number', required: true },
      { name: 'displayName', type: 'string', required: true },
    ]);
  });

  it("reads field phrases in the description into the model the way it reads a story's", () => {
    const model = modelOf(
      ['As a customer I can open a ticket with a subject'],
      'A help desk. Each ticket has an assignee and a priority. Tickets can also have a due date, a reorder threshold and one or more tags.',
    );
    expect(model.resources[0]?.fields).toEqual([
      { name: 'subject', type: 'string', required: true },
      { name: 'assignee', type: 'string', required: false },
      { name: 'priority', type: 'string', required: false },
      { name: 'dueDate', type: 'string', required: false, format: 'date-time' },
      { name: 'reorderThreshold', type: 'number', required: false },
      { name: 'tags', type: 'list', required: false, minItems: 1 },
    ]);
    expect(model.descriptionFields.map((entry) => [entry.resource, entry.sentence])).toEqual([
      ['ticket', 2],
      ['ticket', 3],
    ]);
  });

  it('takes no fields from a sentence about something that is not a resource, nor the status the routes own', () => {
    const model = modelOf(
      ['As a customer I can open a ticket with a subject', 'As an agent I can close a ticket'],
      'Each customer has a name. Each ticket has a status.',
    );
    expect(model.resources[0]?.fields).toEqual([{ name: 'subject', type: 'string', required: true }]);
  });
});
