import type { RequirementCoverage } from '../../../../src/core/bundle/requirement-coverage.js';
import { fileContent, generate, parseBundleTemplate, resourcesOfType } from '../offline-test-requests.js';

/** Statuses the request lists are reached by a route, or said to be unreached (#11, new user). */
const routeKeys = async (description: string, stories: readonly string[]) => {
  const { bundle } = await generate({
    taskType: 'application',
    taskName: 'Orders Service',
    description,
    stories,
  });
  const keys = resourcesOfType(parseBundleTemplate(bundle), 'AWS::ApiGatewayV2::Route').map(
    ([, route]) => route.Properties?.['RouteKey'],
  );
  return { bundle, keys };
};
const description = (rows: readonly RequirementCoverage[] | undefined) =>
  rows?.find((row) => row.source.kind === 'description');

describe('a story verb that names a listed status', () => {
  const lifecycle = 'Orders with a status lifecycle: placed, paid, shipped, delivered, cancelled.';

  it('makes "pay for an order" POST /orders/{id}/pay, which sets paid, and proves it', async () => {
    const { bundle, keys } = await routeKeys(lifecycle, [
      'As a customer I can place an order with a list of line items',
      'As a customer I can pay for an order',
      'As a warehouse worker I can mark an order as shipped',
      'As a courier I can mark an order as delivered',
      'As a customer I can cancel an order that has not shipped',
    ]);
    expect(keys).toContain('POST /orders/{id}/pay');
    expect(fileContent(bundle, 'src/model.ts')).toContain("transitions: { 'pay': 'paid',");
    const story = bundle.coverage?.find((row) => row.source.kind === 'story' && row.source.number === 2);
    expect(story).toMatchObject({
      status: 'covered',
      implementedBy: 'POST /orders/{id}/pay moves an order to paid',
    });
    expect(description(bundle.coverage)).toMatchObject({ status: 'covered', gaps: [] });
  });

  it.each([
    [
      'Invoices move from draft to sent to paid.',
      'As an accountant I can pay for an invoice',
      'POST /invoices/{id}/pay',
    ],
    [
      'Each proposal is open, voted or withdrawn.',
      'As a member I can vote for a proposal',
      'POST /proposals/{id}/vote',
    ],
  ])('sibling: %s + "%s" → %s', async (text, story, key) => {
    const { keys } = await routeKeys(text, [story]);
    expect(keys).toContain(key);
  });

  it('makes no route of "pay for an order" when the request never lists paid, and says why', async () => {
    const { bundle, keys } = await routeKeys('Orders stored in DynamoDB.', [
      'As a customer I can place an order',
      'As a customer I can pay for an order',
    ]);
    expect(keys).not.toContain('POST /orders/{id}/pay');
    const story = bundle.coverage?.find((row) => row.source.kind === 'story' && row.source.number === 2);
    expect(story).toMatchObject({ status: 'not_covered' });
  });

  it('lists a listed status no route reaches under Not covered, and counts the reached ones', async () => {
    const { bundle } = await routeKeys(lifecycle, [
      'As a customer I can place an order',
      'As a customer I can pay for an order',
      'As a warehouse worker I can ship an order',
      'As a customer I can cancel an order',
    ]);
    const row = description(bundle.coverage);
    expect(row?.status).toBe('partial');
    expect(row?.gaps).toEqual([expect.stringContaining('"delivered": no route makes an order delivered')]);
    expect(row?.implementedBy).toContain('POST /orders/{id}/pay makes an order paid');
    expect(row?.implementedBy).toContain('POST /orders makes an order placed');
    expect(row?.tests.map((test) => test.title)).toContain(
      'order reaches every status its stories name through its routes',
    );
  });
});
