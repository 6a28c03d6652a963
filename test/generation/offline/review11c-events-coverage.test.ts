import type { RequirementCoverage } from '../../../src/core/bundle/requirement-coverage.js';
import { combine } from '../../../src/generation/offline/coverage/describe-coverage.js';
import { descriptionSentences } from '../../../src/generation/offline/naming/description-sentences.js';
import { fileContent, generate } from './offline-test-requests.js';

/**
 * Siblings of review 11's event, notification and coverage-text faults (issue #11 items 2 and 8):
 * each kind fixed where it lives, checked on cases the review did not name.
 */
const sentenceRow = (rows: readonly RequirementCoverage[] | undefined, sentence: number) =>
  rows?.find((row) => row.source.kind === 'description' && row.source.sentence === sentence);
const storyRow = (rows: readonly RequirementCoverage[] | undefined, number: number) =>
  rows?.find((row) => row.source.kind === 'story' && row.source.number === number);
const clauseTexts = (description: string) =>
  descriptionSentences(description).map((sentence) => sentence.clauses.map((clause) => clause.text));

describe('sentences and clauses never split inside a link, a number or an abbreviation', () => {
  it('keeps URLs, ports and email addresses whole, and still splits at the colon after them', () => {
    expect(clauseTexts('Check https://api.example.com:8443/v1/health: it answers 200. Then stop.')).toEqual([
      ['Check https://api.example.com:8443/v1/health', 'it answers 200.'],
      ['Then stop.'],
    ]);
    expect(clauseTexts('Email ops@example.com, then page on-call.')).toEqual([
      ['Email ops@example.com', 'then page on-call.'],
    ]);
  });

  it('goes on after "e.g." and "i.e." before a capital, and reads "3.5 seconds" as one sentence', () => {
    expect(clauseTexts('Use a store, e.g. S3 or EFS. Keep it cheap!')).toEqual([
      ['Use a store', 'e.g. S3 or EFS.'],
      ['Keep it cheap!'],
    ]);
    expect(clauseTexts('Store logs (i.e. Access logs) for 30 days.')).toHaveLength(1);
    expect(clauseTexts('Retry after 3.5 seconds. Then stop.')).toEqual([
      ['Retry after 3.5 seconds.'],
      ['Then stop.'],
    ]);
  });

  it('compares a decimal as written, and reads no number out of a link', () => {
    const row = (text: string, implementedBy: string) =>
      combine({
        source: { kind: 'description', sentence: 1 },
        text,
        parts: [{ text, capabilities: [{ when: [], implementedBy, tests: [], resources: [] }] }],
      });
    expect(row('wait 3.5 seconds', 'waits 3 seconds').gaps).toEqual([
      '"wait 3.5 seconds": 3.5 is not a value of what was generated; set it by hand or ask again',
    ]);
    expect(row('wait 3.5 seconds', 'waits 3.5 seconds').status).toBe('covered');
    expect(row('probe http://localhost:3000/health', 'a probe').status).toBe('covered');
  });
});

describe('message types the request names beside "messages" (issue #11: the model comes from the request)', () => {
  it('takes a story\'s own "OrderPlaced message" as the type when the description names none', async () => {
    const { bundle } = await generate({
      taskType: 'integration',
      taskName: 'Order queue',
      stories: [
        'As the warehouse I receive every OrderPlaced message exactly once',
        'As billing I handle InvoiceIssued messages',
      ],
    });
    expect(fileContent(bundle, 'src/messages.ts')).toContain(
      "export const MESSAGE_TYPES = ['OrderPlaced', 'InvoiceIssued'] as const;",
    );
  });

  it('puts named messages on no event bus: only named events imply one', async () => {
    const { bundle } = await generate({
      taskType: 'integration',
      taskName: 'Order queue',
      description: 'Consume OrderPlaced messages from a queue.',
    });
    expect(fileContent(bundle, 'template.yaml')).not.toContain('EventBusName');
    expect(sentenceRow(bundle.coverage, 1)?.implementedBy).toContain(
      'OrderPlaced messages are processed once and recorded',
    );
    expect(storyRow(bundle.coverage, 1)).toBeUndefined();
  });
});
