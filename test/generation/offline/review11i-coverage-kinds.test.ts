import type { RequirementCoverage } from '../../../src/core/bundle/requirement-coverage.js';
import { generate, parseBundleTemplate } from './offline-test-requests.js';

/**
 * Siblings of review 11i's coverage faults (issue #11 item 2), each kind checked on a case the review
 * did not name: a behaviour verb is met only by something generated that does it, and a clause the
 * generated template meets is not reported unmet.
 */
const sentenceRow = (rows: readonly RequirementCoverage[] | undefined, sentence: number) =>
  rows?.find((row) => row.source.kind === 'description' && row.source.sentence === sentence);
const storyRow = (rows: readonly RequirementCoverage[] | undefined, number: number) =>
  rows?.find((row) => row.source.kind === 'story' && row.source.number === number);

describe('behaviours over time and replays are met only by what does them', () => {
  it('"Links expire in 7 days." is partial with why, while "expire a link" (a route) is not said to be missing', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Share links',
      description: 'Each link has a target URL. Links expire in 7 days.',
      stories: ['As an owner I can create a link', 'As an owner I can expire a link'],
    });
    const row = sentenceRow(bundle.coverage, 2);
    expect(row?.status).not.toBe('covered');
    expect(row?.gaps.join(' ')).toMatch(/nothing expires an item over time/);
    expect(storyRow(bundle.coverage, 2)?.gaps.join(' ') ?? '').not.toMatch(/nothing expires/);
  });

  it('a webhook receiver can redrive its dead letters too, and the policy is what the row cites', async () => {
    const { bundle } = await generate({
      taskType: 'integration',
      taskName: 'Hooks',
      description: 'Receive GitHub webhooks and put each on a queue.',
      stories: ['As an operator I can replay messages from the dead-letter queue'],
    });
    const resources = parseBundleTemplate(bundle).Resources;
    expect(JSON.stringify(resources['DeadLetterRedrivePolicy'])).toContain('sqs:StartMessageMoveTask');
    const row = storyRow(bundle.coverage, 1);
    expect(row?.resources).toContain('DeadLetterRedrivePolicy');
    expect(row?.tests.map((test) => test.title)).toContain(
      'DeadLetterRedrivePolicy lets an operator move dead letters back to the queue with StartMessageMoveTask and nothing else',
    );
  });

  it('"raise an alarm when messages land in the DLQ" is answered by DeadLetterAlarm and its template test', async () => {
    const { bundle } = await generate({
      taskType: 'integration',
      taskName: 'Orders',
      description: 'Consume OrderPlaced messages. Raise an alarm when messages land in the DLQ.',
    });
    const row = sentenceRow(bundle.coverage, 2);
    expect(row?.status).toBe('covered');
    expect(row?.resources).toContain('DeadLetterAlarm');
  });
});
