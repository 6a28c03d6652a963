import { repositoryIdOf } from '../../../src/pipeline/events/repository-id-of.js';
import { webhookExample } from '../../fixtures/webhook-payloads.js';

describe('repositoryIdOf: the stable id a task binds to', () => {
  it("reads a real webhook payload's repository.id", () => {
    const payload = webhookExample('issues', 'opened');
    expect(typeof payload.repository.id).toBe('number');
    expect(repositoryIdOf(payload)).toBe(payload.repository.id);
  });

  it('gives nothing for a payload without a usable id', () => {
    for (const payload of [
      undefined,
      null,
      'x',
      {},
      { repository: null },
      { repository: { id: '7' } },
      { repository: { id: 0 } },
    ])
      expect(repositoryIdOf(payload)).toBeUndefined();
  });
});
