import { serviceOf } from '../generated-service.js';
import { fileContent, generate } from '../offline-test-requests.js';

/**
 * `see the remaining balance of an invoice`, `how much is left to pay on an invoice`: a total less
 * what was paid, worked out on read. Where invoices declare a total and payments with an amount are
 * made under an invoice, `GET /invoices/{id}/balance` answers it, with a generated test; otherwise it
 * is never a stored field, and the row says which parts the model has and lacks.
 */
const rowOf = (coverage: Awaited<ReturnType<typeof generate>>['bundle']['coverage'], number: number) =>
  coverage?.find((row) => row.source.kind === 'story' && row.source.number === number);

describe('a remaining balance the model can compute', () => {
  it.each([
    'As a customer I can see the remaining balance of an invoice',
    'As a customer I can see how much is left to pay on an invoice',
    'As a customer I can see the outstanding amount of an invoice',
  ])('"%s" → GET /invoices/{id}/balance: the total less the payments made under it', async (story) => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Invoices',
      description: 'Each invoice has a customer id and a total amount. Each payment has an amount.',
      stories: [
        'As an accountant I can create an invoice',
        'As a clerk I can add a payment to an invoice',
        story,
      ],
    });
    expect(fileContent(bundle, 'src/routes.ts')).toContain(
      "'GET /invoices/{id}/balance': { operation: 'balance', resource: 'invoice', balance: { total: 'totalAmount', child: 'payment', amount: 'amount' } }",
    );
    expect(fileContent(bundle, 'template.yaml')).toContain('RouteKey: GET /invoices/{id}/balance');
    const row = rowOf(bundle.coverage, 3);
    expect(row?.status).toBe('covered');
    expect(row?.implementedBy).toMatch(
      /GET \/invoices\/\{id\}\/balance answers an invoice's totalAmount less the sum/,
    );
    expect(fileContent(bundle, 'test/app.test.ts')).toContain('amountSum: 300, remaining: 700');

    const send = serviceOf(bundle);
    expect((await send('POST /invoices', { body: { totalAmount: 500 } })).statusCode).toBe(201);
    expect((await send('POST /invoices', { body: { totalAmount: 80 } })).statusCode).toBe(201);
    const under = (id: string, amount: number) =>
      send('POST /invoices/{id}/payments', { pathParameters: { id }, body: { amount } });
    expect((await under('id-1', 120)).statusCode).toBe(201);
    expect((await under('id-1', 30)).statusCode).toBe(201);
    expect((await under('id-2', 80)).statusCode).toBe(201);
    const balance = await send('GET /invoices/{id}/balance', { pathParameters: { id: 'id-1' } });
    expect(balance.json).toEqual({ totalAmount: 500, amountSum: 150, remaining: 350 });
    const missing = await send('GET /invoices/{id}/balance', { pathParameters: { id: 'no-such' } });
    expect(missing.statusCode).toBe(404);
  });
});

describe('a remaining balance the model cannot compute', () => {
  it('payments made on their own: no route, and the row names the parts', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Invoices',
      description: 'Each invoice has a customer id and a total amount. Each payment has an amount.',
      stories: [
        'As an accountant I can create an invoice',
        'As a clerk I can record a payment against an invoice',
        'As a customer I can see the remaining balance of an invoice',
      ],
    });
    expect(fileContent(bundle, 'src/model.ts')).not.toMatch(/name: '(remaining|outstanding|left)/);
    expect(fileContent(bundle, 'src/routes.ts')).not.toContain('/balance');
    const row = rowOf(bundle.coverage, 3);
    expect(row?.status).toBe('not_covered');
    const gap = row?.gaps.join(' ') ?? '';
    expect(gap).toMatch(/a total less what was paid against it, worked out on read/);
    expect(gap).toContain("the model has the invoice's totalAmount");
    expect(gap).toMatch(/payments are made on their own, not under invoices/);
  });

  it('says the total is missing when the item declares none', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Invoices',
      stories: [
        'As an accountant I can create an invoice',
        'As a customer I can see the remaining balance of an invoice',
      ],
    });
    const gap = rowOf(bundle.coverage, 2)?.gaps.join(' ') ?? '';
    expect(gap).toMatch(/invoices declare no total to start from/);
    expect(gap).toMatch(/nothing records what was paid against an invoice/);
  });
});
