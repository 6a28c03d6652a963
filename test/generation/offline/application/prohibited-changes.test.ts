import { prohibitedChanges } from '../../../../src/generation/offline/blueprints/application/model/prohibited-changes.js';
import { descriptionSentences } from '../../../../src/generation/offline/naming/description-sentences.js';
import { fileContent, generate } from '../offline-test-requests.js';

/** A sentence forbidding a change or a delete is met by the routes the service lacks, or said broken by one it has. */
const sentenceRow = (rows: Awaited<ReturnType<typeof generate>>['bundle']['coverage'], sentence: number) =>
  rows?.find((row) => row.source.kind === 'description' && row.source.sentence === sentence);

describe('prohibited changes', () => {
  const resources = [
    { name: 'auditEntry', head: 'entry' },
    { name: 'ticket', head: 'ticket' },
  ];

  it('reads never, cannot, must not, immutable and append-only, each for the resource its clause or sentence names', () => {
    const read = (text: string) =>
      prohibitedChanges(descriptionSentences(text), resources).map(({ resource, changes, deletes }) => ({
        resource,
        changes,
        deletes,
      }));
    expect(read('Entries can never be changed or deleted.')).toEqual([
      { resource: 'auditEntry', changes: true, deletes: true },
    ]);
    expect(read('Tickets cannot be removed.')).toEqual([
      { resource: 'ticket', changes: false, deletes: true },
    ]);
    expect(read('An entry must not be edited.')).toEqual([
      { resource: 'auditEntry', changes: true, deletes: false },
    ]);
    // The pronoun clause is the sentence's entries.
    expect(read('Entries are immutable: they can never be deleted.')).toEqual([
      { resource: 'auditEntry', changes: true, deletes: false },
      { resource: 'auditEntry', changes: false, deletes: true },
    ]);
  });

  it('reads no prohibition in a sentence that only names a change or a delete', () => {
    expect(
      prohibitedChanges(
        descriptionSentences('Deleted tickets are not listed. Tickets can be changed.'),
        resources,
      ),
    ).toEqual([]);
    // A clause naming no resource, in a model of two, is nobody's.
    expect(prohibitedChanges(descriptionSentences('Nothing can ever be deleted.'), resources)).toEqual([]);
  });

  it('counts "can never be changed or deleted" covered by the routes the service lacks, with a generated test that proves it', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Ledger',
      description: 'Each payment has an amount. Payments can never be changed or deleted.',
      stories: ['As a clerk I can record a payment', 'As a clerk I can list payments'],
    });
    const row = sentenceRow(bundle.coverage, 2);
    expect(row?.status).toBe('covered');
    expect(row?.implementedBy).toMatch(/no route lets a payment be changed or deleted/);
    expect(row?.tests.map((test) => test.title)).toContain(
      'a payment is never changed or deleted: no route does it',
    );
    const tests = fileContent(bundle, 'test/app.test.ts');
    expect(tests).toContain("it('a payment is never changed or deleted: no route does it'");
    expect(tests).toContain("for (const method of ['PATCH', 'PUT', 'DELETE'])");
  });

  it('says which story breaks the rule when a route changes or deletes what the description forbids', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Ledger',
      description: 'Each payment has an amount. Payments can never be deleted.',
      stories: ['As a clerk I can record a payment', 'As an admin I can delete a payment'],
    });
    const row = sentenceRow(bundle.coverage, 2);
    expect(row?.status).toBe('not_covered');
    expect(row?.gaps.join(' ')).toMatch(
      /forbids that a payment be deleted, yet DELETE \/payments\/\{id\} \(story 2\) does it/,
    );
    expect(fileContent(bundle, 'test/app.test.ts')).not.toContain('is never deleted');
  });
});
