/**
 * fix14j: log retention is credited in the integration blueprint as in the application one (the row
 * cites the generated template test; other days are partial), and collection names of -s/-ss/-x/-ch
 * nouns are their plurals (`/classes`, `/addresses`, `/buses`).
 */
import type { RequirementCoverage } from '../../../src/core/bundle/requirement-coverage.js';
import { generate } from './offline-test-requests.js';
import type { RequestShape } from './offline-test-requests.js';

const sentenceRow = (rows: readonly RequirementCoverage[] | undefined, sentence: number) =>
  rows?.find((row) => row.source.kind === 'description' && row.source.sentence === sentence);

const consumer = (sentence: string, environment?: string): RequestShape => ({
  taskType: 'integration',
  taskName: 'Order consumer',
  description: `A queue consumer for OrderPlaced messages. ${sentence}`,
  stories: ['As the shipping service I receive each OrderPlaced message once'],
  ...(environment === undefined ? {} : { environment }),
});

describe('log retention in the integration blueprint', () => {
  it.each(['Keep the logs for 30 days.', 'Retain consumer logs for 30 days.', 'Log retention is 30 days.'])(
    '"%s" is covered by the log groups, citing the generated template test',
    async (sentence) => {
      const { bundle } = await generate(consumer(sentence));
      const row = sentenceRow(bundle.coverage, 2);
      expect(row?.status).toBe('covered');
      expect(row?.implementedBy).toContain('ConsumerFunctionLogGroup');
      expect(row?.implementedBy).toContain('LogRetentionDays days (default 30)');
      const title = 'the template keeps every log group for LogRetentionDays days and defaults it to 30';
      expect(row?.tests).toContainEqual(expect.objectContaining({ title }));
      const templateTest = bundle.files.find((file) => file.path.endsWith('test/template.test.ts'));
      expect(templateTest?.content).toContain(title);
      expect(templateTest?.content).toContain("import { readFileSync } from 'node:fs';");
    },
  );

  it('"Keep the logs for 14 days." makes 14 the default (fix15f: it was partial with "14 is not a value … ask again")', async () => {
    const { bundle } = await generate(consumer('Keep the logs for 14 days.'));
    const row = sentenceRow(bundle.coverage, 2);
    expect(row?.status).toBe('covered');
    expect(row?.tests.map((one) => one.title)).toContain(
      'the template keeps every log group for LogRetentionDays days and defaults it to 14',
    );
  });

  it('"every rejected delivery is logged" asks for no retention', async () => {
    const { bundle } = await generate(consumer('Every failed message is logged.'));
    expect(sentenceRow(bundle.coverage, 2)?.implementedBy ?? '').not.toContain('LogRetentionDays');
  });
});

describe('collections of nouns ending in s, x, ch or sh', () => {
  const api = (noun: string, plural: string): RequestShape => ({
    taskType: 'application',
    taskName: `${noun} api`,
    description: `An API for ${plural}. Each ${noun} has a name and a note.`,
    stories: [
      `As a clerk I can create ${noun === 'address' ? 'an' : 'a'} ${noun}`,
      `As a clerk I can list ${plural}`,
    ],
  });
  it.each([
    ['address', 'addresses'],
    ['bus', 'buses'],
    ['batch', 'batches'],
    ['box', 'boxes'],
  ])('a %s is made at POST /%s and listed there', async (noun, plural) => {
    const { bundle } = await generate(api(noun, plural));
    const rows = (bundle.coverage ?? []).map((row) => row.implementedBy ?? '').join(' ');
    expect(rows).toContain(`POST /${plural}`);
    expect(rows).toContain(`GET /${plural}`);
    expect(rows).not.toMatch(new RegExp(`POST /${noun}\\b(?!e)`));
  });
});
