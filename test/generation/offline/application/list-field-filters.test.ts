import type { RequirementCoverage } from '../../../../src/core/bundle/requirement-coverage.js';
import { fileContent, generate } from '../offline-test-requests.js';

const storyRow = (rows: readonly RequirementCoverage[] | undefined, number: number) =>
  rows?.find((row) => row.source.kind === 'story' && row.source.number === number);

describe('a list field is read and filtered by an entry (review 11f siblings)', () => {
  it('reads the fields after a qualifying phrase, and filters a list field by an entry it holds, for any resource', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Recipes',
      description:
        'A recipe API stored in DynamoDB. Each recipe has a title, a time in minutes, a set of ingredients and a rating for the chef.',
      stories: ['As a cook I can add a recipe with a title', 'As a cook I can find recipes by ingredient'],
    });
    const model = fileContent(bundle, 'src/model.ts');
    // "in minutes" qualifies the time, a number of a unit; "for the chef" is a phrase of its own, so the fields end there.
    expect(model).toContain("{ name: 'time', type: 'number', required: false }");
    expect(model).toContain("{ name: 'ingredients', type: 'list', required: false, minItems: 1 }");
    expect(model).toContain("{ name: 'rating', type: 'number', required: false }");
    expect(model).not.toMatch(/'(inMinutes|chef|ingredientId)'/);
    const routes = fileContent(bundle, 'src/routes.ts');
    expect(routes).toContain(
      "'GET /recipes': { operation: 'list', resource: 'recipe', filters: [{ field: 'ingredients', contains: true }] }",
    );
    expect(storyRow(bundle.coverage, 2)?.status).toBe('covered');
  });
});
