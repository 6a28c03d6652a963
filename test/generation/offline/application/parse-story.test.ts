import { parseStory } from '../../../../src/generation/offline/blueprints/application/model/parse-story.js';
import { storyIntent } from '../../../../src/generation/offline/naming/story-intent.js';

const parse = (story: string) => {
  const { intent: _intent, ...parsed } = parseStory(storyIntent(story, 1));
  return parsed;
};

describe('parseStory', () => {
  it('reads fields, owners, attributes and refusals off the story, not just its last two words', () => {
    expect(parse('As a customer I can place an order with one or more items')).toMatchObject({
      kind: 'create',
      noun: 'order',
      fields: [{ name: 'items', list: true, minItems: 1 }],
      unused: [],
    });
    expect(parse('As a customer I can see the status of my order')).toMatchObject({
      kind: 'read',
      noun: 'order',
      attribute: 'status',
      owner: 'customer',
      ownerIsSelf: true,
    });
    expect(parse('As a customer I can cancel an order that has not shipped')).toMatchObject({
      kind: 'transition',
      verb: 'cancel',
      noun: 'order',
      refusedFrom: ['shipped'],
    });
    expect(parse("As a support agent I can list a customer's orders")).toMatchObject({
      kind: 'list',
      noun: 'order',
      owner: 'customer',
      ownerIsSelf: false,
    });
    expect(parse('As a user I can create a ticket with a title and a priority')).toMatchObject({
      fields: [
        { name: 'title', list: false },
        { name: 'priority', list: false },
      ],
    });
  });

  it('reads a field list written with commas, the way people write one', () => {
    const story =
      'As a warehouse manager I can add a product with a sku, a name, a quantity and a reorder threshold';
    expect(parse(story).fields.map((field) => field.name)).toEqual([
      'sku',
      'name',
      'quantity',
      'reorderThreshold',
    ]);
    expect(parse('As a user I can create a ticket with a delivery address').fields).toEqual([
      { name: 'deliveryAddress', list: false, minItems: 0 },
    ]);
  });

  it('lists one resource by another, and keeps a possessed thing for the model to place', () => {
    expect(parse('As a warehouse manager I can list the products of a warehouse')).toMatchObject({
      kind: 'list',
      noun: 'product',
      owner: 'warehouse',
      ownerIsSelf: false,
    });
    // Only a listing reads `the Xs of a Y` as Xs owned by a Y; a read keeps the attribute.
    expect(parse('As a customer I can see the details of my order')).toMatchObject({
      kind: 'read',
      noun: 'order',
      attribute: 'details',
    });
    expect(parse("As warehouse staff I can see a product's stock level")).toMatchObject({
      kind: 'read',
      noun: 'level',
      owner: 'product',
      possessed: 'stockLevel',
    });
  });

  it('maps the whole collection to the main resource, and names what it did not use', () => {
    expect(parse('As a buyer I can browse the catalogue')).toMatchObject({ kind: 'list', collective: true });
    expect(parse('As a customer I can add a product to my basket')).toMatchObject({
      noun: 'product',
      unused: ['to', 'my', 'basket'],
    });
    // A reason is not an owner: only reads take `for`/`by` as whose items.
    expect(parse('As an admin I want to be able to cancel orders for fraud')).toMatchObject({
      unused: ['for', 'fraud'],
    });
    expect(parse('As a clerk I can list orders by customer')).toMatchObject({ owner: 'customer' });
    expect(parse('As a user I can log in').noun).toBeUndefined();
  });

  it('reads "by its id" on one item as what its route does, not as words that shaped nothing', () => {
    expect(parse('As an auditor I can view an entry by its id')).toMatchObject({
      kind: 'read',
      noun: 'entry',
      unused: [],
    });
    expect(parse('As an admin I can delete a link using its ID')).toMatchObject({
      kind: 'delete',
      unused: [],
    });
    expect(parse('As a clerk I can cancel an order by identifier')).toMatchObject({ unused: [] });
    expect(parse('As an auditor I can view an entry by its id').owner).toBeUndefined();
    // A list is not one item: `by id` there is not what a route on one item does.
    expect(parse('As a clerk I can list orders by id').unused).not.toEqual([]);
  });

  it.each([
    [
      'As an agent I can list open tickets',
      { kind: 'list', noun: 'ticket', stateFilter: 'open', unused: [] },
    ],
    ['As a clerk I can list all paid orders', { kind: 'list', noun: 'order', stateFilter: 'paid' }],
    ['As a clerk I can see the unpaid invoices', { kind: 'list', noun: 'invoice', stateFilter: 'unpaid' }],
    [
      'As an agent I can list tickets that are in progress',
      { kind: 'list', stateFilter: 'in_progress', unused: [] },
    ],
    ['As a manager I can list tickets by status', { kind: 'list', filterBy: 'status', unused: [] }],
    ['As a manager I can list tickets by priority', { kind: 'list', filterBy: 'priority', unused: [] }],
    [
      'As an agent I can list tickets that are not closed',
      { kind: 'list', refusedFrom: [], unused: ['that', 'are', 'not', 'closed'] },
    ],
  ])('reads the filter a list names: "%s"', (story, expected) => {
    expect(parse(story)).toMatchObject(expected);
    expect(parse(story).owner).toBeUndefined();
  });

  it('keeps a state word off lists that are not lists, and compound nouns whole', () => {
    expect(parse('As a clerk I can list line items').stateFilter).toBeUndefined();
    expect(parse('As a clerk I can delete an open ticket')).not.toHaveProperty('stateFilter');
  });

  it.each([
    ['As an admin I can delete a ticket', { role: 'admin' }],
    ['As an administrator I can close a ticket', { role: 'admin' }],
    ['Only admins can close a ticket', { role: 'admin' }],
    ['Only the owner can cancel an order', { unenforced: 'only the owner' }],
    ['As a support agent I can close a ticket', {}],
    ['As a warehouse manager I can add a product', {}],
  ])('reads who a story restricts its action to: "%s"', (story, restriction) => {
    expect(parse(story).restriction).toEqual(restriction);
  });
});
