import type { ArtifactBundle, FileRole, GeneratedFile } from '../../../src/core/bundle/artifact-bundle.js';
import type { GatePolicy } from '../../../src/core/gates/gate-report.js';
import { ordersApiYaml } from '../cfn/template-fixtures.js';

export const policy: GatePolicy = {
  maxFiles: 10,
  maxFileBytes: 60_000,
  maxTotalBytes: 100_000,
  allowedPaths: [],
  allowedGithubPaths: [],
};

export function file(path: string, content = 'export {};\n', role: FileRole = 'source'): GeneratedFile {
  return { path, content, role };
}

export function bundleOf(files: GeneratedFile[], templatePath?: string): ArtifactBundle {
  const base = { summary: 'Orders API', plan: ['Add the table', 'Add the function'], files, riskNotes: [] };
  return templatePath === undefined ? base : { ...base, templatePath };
}

/** What a good generation attempt looks like: template, handler, test, docs and config. */
export function goodBundle(): ArtifactBundle {
  return bundleOf(
    [
      file('infra/orders-api.yaml', ordersApiYaml, 'template'),
      file(
        'src/orders/handler.ts',
        `import type { APIGatewayProxyEvent } from './types.js';

export async function handler(event: APIGatewayProxyEvent): Promise<{ statusCode: number }> {
  return { statusCode: event.body === null ? 400 : 201 };
}
`,
      ),
      file('src/orders/types.ts', 'export interface APIGatewayProxyEvent { readonly body: string | null }\n'),
      file(
        'test/orders/handler.test.ts',
        `import { handler } from '../../src/orders/handler.js';

it('rejects an empty body', async () => {
  await expect(handler({ body: null })).resolves.toEqual({ statusCode: 400 });
});
`,
        'test',
      ),
      file('README.md', '# Orders API\n', 'doc'),
      file('package.json', '{ "name": "orders-api", "type": "module" }\n', 'config'),
      file(
        'tsconfig.json',
        '{\n  // strict everywhere\n  "compilerOptions": { "strict": true, },\n}\n',
        'config',
      ),
    ],
    'infra/orders-api.yaml',
  );
}
