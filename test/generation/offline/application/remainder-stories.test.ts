import { fileContent, generate } from '../offline-test-requests.js';

/**
 * `see the remaining balance of an invoice`, `how much is left to pay on an invoice`: a total less
 * what was paid, worked out on read. Before, the first was ✅ covered by GET /invoices/{id} reading
 * back a `remainingBalance` field any client could write. Now neither is a stored field, and the row
 * says which parts the model has and lacks.
 */
const rowOf = (coverage: Awaited<ReturnType<typeof generate>>['bundle']['coverage'], number: number) =>
  coverage?.find((row) => row.source.kind === 'story' && row.source.number === number);

describe('a remaining balance', () => {
  it.each([
    'As a customer I can see the remaining balance of an invoice',
    'As a customer I can see how much is left to pay on an invoice',
    'As a customer I can see the outstanding amount of an invoice',
  ])('"%s" is no stored field, and the row names the parts', async (story) => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Invoices',
      description: 'Each invoice has a customer id and a total amount. Each payment has an amount.',
      stories: [
        'As an accountant I can create an invoice',
        'As a clerk I can record a payment against an invoice',
        story,
      ],
    });
    const model = fileContent(bundle, 'src/model.ts');
    expect(model).not.toMatch(/name: '(remaining|outstanding|left)/);
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
