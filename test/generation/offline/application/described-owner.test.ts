import type { RequirementCoverage } from '../../../../src/core/bundle/requirement-coverage.js';
import { describedOwner } from '../../../../src/generation/offline/blueprints/application/model/described-owner.js';
import { descriptionSentences } from '../../../../src/generation/offline/naming/description-sentences.js';
import { serviceOf } from '../generated-service.js';
import { fileContent, generate } from '../offline-test-requests.js';

/**
 * #11: `Each claim belongs to an employee`, where employees are no resource of the model. Before, the
 * row said "nothing was generated for this" (and without a "my" story no employeeId was kept at all).
 * Now the claim keeps the owner's id (required on create, 400 without, lists filtered by it), the
 * row credits that field with the tests that prove it, and says the employee itself is not generated.
 */
const sentenceRow = (rows: readonly RequirementCoverage[] | undefined, sentence: number) =>
  rows?.find((row) => row.source.kind === 'description' && row.source.sentence === sentence);

describe('whose items are, as the description says it', () => {
  it.each([
    ['Each claim belongs to an employee.', 'claim', 'employee'],
    ['Claims belong to employees and have an amount.', 'claim', 'employee'],
    ['A gift card belongs to a cost centre and has a code.', 'card', 'cost centre'],
    ['Each claim can only belong to one employee.', 'claim', 'employee'],
  ])('%s → %s owned by %s', (text, noun, owner) => {
    expect(describedOwner(descriptionSentences(text), noun)).toBe(owner);
  });

  it('reads no owner where no sentence relates the noun', () => {
    expect(describedOwner(descriptionSentences('Each claim has an amount.'), 'claim')).toBeUndefined();
  });

  it('keeps employeeId on every claim, required, and credits the sentence with it', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Expense claims',
      description: 'An API for expense claims. Each claim belongs to an employee. Claims have an amount.',
      stories: ['As an employee I can submit a claim', 'As a manager I can list claims'],
    });
    expect(fileContent(bundle, 'src/model.ts')).toContain("ownerField: 'employeeId'");
    const row = sentenceRow(bundle.coverage, 2);
    expect(row?.status).toBe('partial');
    expect(row?.implementedBy).toContain('a claim keeps the employeeId of the employee it belongs to');
    expect(row?.implementedBy).toContain('GET /claims?employeeId= lists one employee');
    expect(row?.gaps).toEqual([
      "employees are not a resource of this service: nothing makes or reads an employee, so a claim's employeeId is kept as given, not checked against one",
    ]);
    expect(row?.tests.map((test) => test.title)).toContain('claim bodies are checked against the model');
    expect(fileContent(bundle, 'test/app.test.ts')).toContain(`errors: ['field "employeeId" is required']`);

    const send = serviceOf(bundle);
    expect((await send('POST /claims', { body: { amount: 5 } })).statusCode).toBe(400);
    expect((await send('POST /claims', { body: { employeeId: 'e1', amount: 5 } })).statusCode).toBe(201);
    expect((await send('POST /claims', { body: { employeeId: 'e2', amount: 7 } })).statusCode).toBe(201);
    const listed = await send('GET /claims', { query: { employeeId: 'e1' } });
    expect((listed.json['items'] as { id: string }[]).map((item) => item.id)).toEqual(['id-1']);
  });

  it('a parent that is a resource of the model is not an owner field: tasks are made under projects', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Board',
      description: 'Each task belongs to a project.',
      stories: ['As a lead I can create a project', 'As a developer I can add a task to a project'],
    });
    expect(fileContent(bundle, 'src/model.ts')).not.toContain("ownerField: 'projectId'");
    expect(sentenceRow(bundle.coverage, 1)?.implementedBy).toMatch(/made only under a project that exists/);
  });
});
