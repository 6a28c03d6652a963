import { anyOf } from '../../../../src/generation/offline/coverage/capability.js';
import type { Capability } from '../../../../src/generation/offline/coverage/capability.js';
import { describeSentences } from '../../../../src/generation/offline/coverage/describe-coverage.js';
import { descriptionSentences } from '../../../../src/generation/offline/naming/description-sentences.js';

const evidence = { path: 'svc/test/a.test.ts', title: 'a test' };
const generated = (implementedBy: string, when: readonly string[], gaps: string[] = []): Capability => ({
  when: anyOf(...when),
  implementedBy,
  tests: [evidence],
  resources: [],
  gaps,
});
const skipped = (notGenerated: string, when: readonly string[]): Capability => ({
  when: anyOf(...when),
  implementedBy: '',
  tests: [],
  resources: [],
  notGenerated,
});

const rowFor = (description: string, capabilities: readonly Capability[]) =>
  describeSentences(descriptionSentences(description), capabilities)[0];

describe('describeSentences: what a clause asked, once each', () => {
  it('lets the more specific capability explain the words a generic one matched', () => {
    const row = rowFor('The team is notified when an object lands.', [
      generated('new objects publish to the topic', ['notified lands']),
      generated('a topic to subscribe to', ['notified'], ['nothing else was named']),
    ]);
    expect(row).toMatchObject({
      status: 'covered',
      implementedBy: 'new objects publish to the topic',
      gaps: [],
    });
  });

  it('keeps an ask it did not generate when other words matched something else', () => {
    const row = rowFor('A low-stock alert is sent for the product.', [
      generated('POST /products creates a product', ['sent product']),
      skipped('nothing sends alerts', ['alert']),
    ]);
    expect(row).toMatchObject({ status: 'partial', gaps: [expect.stringContaining('nothing sends alerts')] });
  });

  it('drops an ask it did not generate when a generated capability explains its words', () => {
    const row = rowFor("An event is published when an order's status changes.", [
      generated('status changes on EventBridge', ['event status']),
      skipped('only status events', ['event']),
    ]);
    expect(row).toMatchObject({ status: 'covered', gaps: [] });
  });
});

describe('describeSentences: a number asked for must be a number generated', () => {
  it('marks a clause partial when what answers it does not use the number it asks for', () => {
    const row = rowFor('Messages are retried 3 times and then moved to a dead-letter queue.', [
      generated('failed messages move to a dead-letter queue after 5 receives', ['retried', 'queue']),
    ]);
    expect(row).toMatchObject({
      status: 'partial',
      gaps: [
        expect.stringContaining('"Messages are retried 3 times": 3 is not a value of what was generated'),
      ],
    });
  });

  it('counts a clause covered when its numbers are the generated ones, however they are written', () => {
    const row = rowFor('Roll out 10 percent every 1 minute for 07 days.', [
      generated('CodeDeployDefault.LambdaLinear10PercentEvery1Minute, objects kept 7 days', ['roll']),
    ]);
    expect(row).toMatchObject({ status: 'covered', gaps: [] });
  });
});
