import { parseWriteFilesInput } from '../../../src/generation/bedrock/parse-write-files-input.js';
import { ModelOutputError } from '../../../src/generation/model-provider.js';
import { ordersApiToolInput } from './helpers/converse-fixtures.js';

function problemsOf(toolInput: unknown): readonly string[] {
  try {
    parseWriteFilesInput(toolInput);
  } catch (error) {
    if (error instanceof ModelOutputError) return error.problems;
    throw error;
  }
  throw new Error('expected the input to be rejected');
}

describe('parseWriteFilesInput', () => {
  it('maps the snake_case tool input to a bundle and drops fields the schema does not know', () => {
    const bundle = parseWriteFilesInput({ ...ordersApiToolInput(), confidence: 'high' });

    expect(bundle).toEqual({
      summary: 'Adds an Orders API on Lambda and API Gateway with a DynamoDB table.',
      plan: ['Create the orders table and function', 'Implement the handler', 'Test the handler'],
      files: expect.arrayContaining([
        expect.objectContaining({ path: 'src/orders/handler.ts', role: 'source' }),
      ]),
      templatePath: 'infra/orders-api.yaml',
      riskNotes: ['Creates an IAM role for the function'],
    });
  });

  it('accepts a change without a template', () => {
    const { template_path: _template, ...input } = ordersApiToolInput();
    const files = [{ path: 'README.md', role: 'doc', content: '# Notes\n' }];

    const bundle = parseWriteFilesInput({ ...input, files });

    expect(bundle).not.toHaveProperty('templatePath');
    expect(bundle.files).toEqual(files);
  });

  it('names the path of every invalid nested field', () => {
    const input = ordersApiToolInput();
    const problems = problemsOf({
      ...input,
      summary: '',
      files: [{ path: 'src/a.ts', role: 'script', content: 'x' }, { path: 'src/b.ts' }],
      template_path: 'src/a.ts',
    });

    expect(problems).toEqual([
      'summary: Too small: expected string to have >=1 characters',
      'files[0].role: Invalid option: expected one of "source"|"template"|"test"|"doc"|"config"',
      'files[1].content: is required',
      'files[1].role: is required',
    ]);
  });

  it('rejects something that is not an object at all', () => {
    expect(problemsOf('write the files please')).toEqual([
      '(input): Invalid input: expected object, received string',
    ]);
  });

  it('rejects duplicate paths and a template_path that is not one of the files', () => {
    const input = ordersApiToolInput();
    const file = { path: 'src/a.ts', role: 'source', content: 'export {};\n' };

    expect(problemsOf({ ...input, files: [file, file], template_path: 'infra/missing.yaml' })).toEqual([
      'files: "src/a.ts" appears more than once',
      'template_path: "infra/missing.yaml" is not the path of any file in files',
    ]);
  });
});
