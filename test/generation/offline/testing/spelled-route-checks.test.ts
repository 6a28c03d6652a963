import { descriptionSentences } from '../../../../src/generation/offline/naming/description-sentences.js';
import {
  ID_FOR_EXISTING,
  ID_FOR_UNKNOWN,
  spelledRouteChecks,
} from '../../../../src/generation/offline/blueprints/testing/spelled-route-checks.js';
import { fileContent, generate } from '../offline-test-requests.js';

const checksOf = (description: string) => spelledRouteChecks(descriptionSentences(description));

describe('routes and statuses the request spells out are what the canary checks', () => {
  it('reads the method, the path, the status and the body named after "with"', () => {
    expect(
      checksOf(
        'PUT /orders/{orderId} with a status returns 200. DELETE /orders/{orderId} answers 204. PATCH /orders/{id} without a status returns 422 for a missing order.',
      ),
    ).toEqual([
      expect.objectContaining({
        method: 'PUT',
        path: `/orders/${ID_FOR_EXISTING}`,
        expectedStatus: 200,
        body: { status: 'canary-check' },
      }),
      expect.objectContaining({ method: 'DELETE', path: `/orders/${ID_FOR_EXISTING}`, expectedStatus: 204 }),
      expect.objectContaining({
        method: 'PATCH',
        path: `/orders/${ID_FOR_UNKNOWN}`,
        expectedStatus: 422,
        body: {},
      }),
    ]);
  });

  it('says what it could not know: an id that exists, sample values, the answer body', () => {
    const [create, read] = checksOf(
      'POST /invoices with a total returns 201 and an id. GET /invoices/{id} returns 200.',
    );
    expect(create?.gaps).toEqual([
      expect.stringContaining('the body\'s values are samples ({"total":100})'),
      expect.stringContaining("the answer's id is not checked"),
    ]);
    expect(read?.gaps).toEqual([expect.stringContaining(`replace ${ID_FOR_EXISTING}`)]);
  });

  it('keeps guessing from stories only when the description spells no route', async () => {
    const { bundle } = await generate({
      taskType: 'testing',
      taskName: 'Orders checks',
      description:
        'Check the orders API. GET /health returns 200. DELETE /orders/{id} returns 404 for an unknown id.',
      stories: ['As a customer I can view my orders'],
    });
    const checks = fileContent(bundle, 'src/checks.ts');
    expect(checks).toContain("method: 'GET', path: '/health', expectedStatus: [200]");
    expect(checks).toContain(`method: 'DELETE', path: '/orders/${ID_FOR_UNKNOWN}', expectedStatus: [404]`);
    expect(checks).not.toContain("path: '/orders'");
    // The generated test sends the method and expects the status, and fails on another.
    const tests = fileContent(bundle, 'test/run-checks.test.ts');
    expect(tests).toContain("expect(sent).toEqual([{ method: 'DELETE' }]);");
    expect(tests).toContain('answering(404, requested, sent)');
    const row = bundle.coverage?.find(
      (entry) => entry.source.kind === 'description' && entry.source.sentence === 3,
    );
    expect(row).toMatchObject({ status: 'covered', implementedBy: expect.stringContaining('DELETE') });
    // The story named no route: its row does not claim a guessed check.
    const story = bundle.coverage?.find((entry) => entry.source.kind === 'story');
    expect(story?.status).not.toBe('covered');
  });
});
