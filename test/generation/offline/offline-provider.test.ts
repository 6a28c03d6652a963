import { parse } from '@babel/parser';
import { parseDocument, visit } from 'yaml';
import { checkCoverage } from '../../../src/core/bundle/check-coverage.js';
import { checkTemplateStructure } from '../../../src/core/cfn/check-template-structure.js';
import { cloudFormationTags } from '../../../src/core/cfn/cloudformation-tags.js';
import { parseTemplate } from '../../../src/core/cfn/parse-template.js';
import { formatFindingsForRepair } from '../../../src/core/gates/format-findings.js';
import { runGates } from '../../../src/core/gates/run-gates.js';
import type { TaskType } from '../../../src/core/request/execution-request.js';
import { TASK_TYPES } from '../../../src/core/request/execution-request.js';
import { NO_USAGE } from '../../../src/generation/model-provider.js';
import { createOfflineProvider } from '../../../src/generation/offline/offline-provider.js';
import {
  fileContent,
  generate,
  parseBundleTemplate,
  resourcesOfType,
  templateText,
} from './offline-test-requests.js';

const STORIES = [
  'As a customer I can place an order',
  'As a customer I want to view my orders',
  'As an admin I can cancel an order',
];
const GENEROUS_POLICY = {
  maxFiles: 200,
  maxFileBytes: 500_000,
  maxTotalBytes: 5_000_000,
  allowedPaths: [],
  allowedGithubPaths: [],
};
const HOSTILE_NAME = '"; rm -rf / # `whoami` ${process.exit(1)} */ x';
const HOSTILE_STORY =
  "As a user I can */ process.exit(1) /* '); require('child_process').exec('rm -rf /')\u2028evil()";

describe('createOfflineProvider', () => {
  it('names itself offline, reports the blueprint as the model and costs nothing', async () => {
    const provider = createOfflineProvider();
    expect(provider.name).toBe('offline');
    for (const taskType of TASK_TYPES) {
      const result = await generate({ taskType, taskName: 'Orders API', stories: STORIES });
      expect(result.model).toBe(`offline:${taskType}`);
      expect(result.usage).toEqual(NO_USAGE);
    }
  });

  it('returns the identical bundle for the identical request', async () => {
    for (const taskType of TASK_TYPES) {
      const shape = { taskType, taskName: 'Orders API', stories: STORIES, strategy: 'canary' as const };
      expect((await generate(shape)).bundle).toEqual((await generate(shape)).bundle);
    }
  });
});

describe.each(TASK_TYPES)('the %s blueprint', (taskType: TaskType) => {
  it('passes every validation gate', async () => {
    for (const strategy of [undefined, 'canary', 'linear', 'blue-green'] as const) {
      const { bundle } = await generate({
        taskType,
        taskName: 'Orders API',
        stories: STORIES,
        ...(strategy === undefined ? {} : { strategy }),
      });
      const report = await runGates(bundle, GENEROUS_POLICY);
      if (!report.passed)
        throw new Error(formatFindingsForRepair(report.results.flatMap((result) => result.findings)));
      expect(report.passed).toBe(true);
    }
  });

  it('writes a template that parses with CloudFormation tags, is structurally sound and stays under the size limit', async () => {
    const manyStories = Array.from(
      { length: 25 },
      (_, index) => `As a user I can create widget number ${index} gadget${index}`,
    );
    for (const stories of [[], STORIES, manyStories]) {
      const { bundle } = await generate({ taskType, taskName: 'Orders API', stories, strategy: 'canary' });
      const text = templateText(bundle);
      const parsed = parseTemplate(text);
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(checkTemplateStructure(parsed.template)).toEqual([]);
      expect(Buffer.byteLength(text)).toBeLessThan(51_200);
      let aliases = 0;
      visit(parseDocument(text, { customTags: [...cloudFormationTags] }), { Alias: () => void aliases++ });
      expect(aliases).toBe(0);
    }
  });

  it('lays files out under a folder named after the task, with roles and a README', async () => {
    const { bundle } = await generate({
      taskType,
      taskName: 'Orders API',
      stories: STORIES,
      environment: 'qa',
    });
    expect(bundle.files.every((file) => file.path.startsWith('services/orders-api/'))).toBe(true);
    expect(bundle.templatePath).toBe('services/orders-api/template.yaml');
    const roles = new Map(bundle.files.map((file) => [file.path, file.role]));
    expect(roles.get('services/orders-api/template.yaml')).toBe('template');
    expect(roles.get('services/orders-api/README.md')).toBe('doc');
    expect(roles.get('services/orders-api/package.json')).toBe('config');
    for (const file of bundle.files.filter((candidate) => candidate.path.includes('/test/'))) {
      expect(file).toMatchObject({ role: 'test', path: expect.stringMatching(/\.ts$/) });
    }
    expect(
      bundle.files.filter((file) => file.path.endsWith('.test.ts')).every((file) => file.role === 'test'),
    ).toBe(true);
    expect(bundle.files.some((file) => file.role === 'source' && file.path.includes('/src/'))).toBe(true);
    // The README's promise: every project builds with esbuild and tests with jest.
    expect(JSON.parse(fileContent(bundle, 'package.json'))).toMatchObject({
      name: 'orders-api',
      scripts: { build: expect.stringMatching(/^esbuild /), test: 'jest' },
    });
    expect(bundle.plan.length).toBeGreaterThan(2);
    expect(bundle.riskNotes.length).toBeGreaterThan(0);
    expect(bundle.summary).toContain('Orders API');
  });

  it('defaults the environment parameter to the target environment and tags resources with it', async () => {
    const { bundle } = await generate({
      taskType,
      taskName: 'Orders API',
      stories: STORIES,
      environment: 'qa',
    });
    const template = parseBundleTemplate(bundle);
    expect(template.Parameters?.['EnvironmentName']?.['Default']).toBe('qa');
    const tagged = Object.values(template.Resources).filter((resource) =>
      Array.isArray(resource.Properties?.['Tags']),
    );
    expect(tagged.length).toBeGreaterThan(0);
    for (const resource of tagged) {
      expect(resource.Properties?.['Tags']).toContainEqual({
        Key: 'Environment',
        Value: { Ref: 'EnvironmentName' },
      });
      expect(resource.Properties?.['Tags']).toContainEqual({ Key: 'Service', Value: 'orders-api' });
    }
    expect(fileContent(bundle, 'README.md')).toContain('--stack-name orders-api-qa');
  });

  it('answers every user story in its coverage: with tests that exist, or saying what is not covered', async () => {
    const stories = [...STORIES, 'As an auditor I can export the monthly report', 'As a user I can log in'];
    const { bundle } = await generate({
      taskType,
      taskName: 'Orders API',
      stories,
      description: 'Keep it fast.',
    });
    const rows = bundle.coverage ?? [];
    const readme = fileContent(bundle, 'README.md');
    stories.forEach((story, index) => {
      const row = rows.find(
        (candidate) => candidate.source.kind === 'story' && candidate.source.number === index + 1,
      );
      expect(row?.text).toBe(story);
      if (row === undefined) return;
      if (row.status === 'covered') expect(row.gaps).toEqual([]);
      else expect(row.gaps.length).toBeGreaterThan(0);
      if (row.status !== 'not_covered') expect(row.tests.length).toBeGreaterThan(0);
      expect(readme).toContain(`**Story ${index + 1}**: ${story}`);
    });
    expect(rows.some((row) => row.source.kind === 'description')).toBe(true);
    // Every claim holds: the cited tests are declared in the cited files, the resources are in the template.
    expect(checkCoverage(bundle)).toEqual(rows);
  });

  it('keeps a hostile task name and story out of code, leaving them only in comments and escaped prose', async () => {
    const { bundle } = await generate({
      taskType,
      taskName: HOSTILE_NAME,
      stories: [HOSTILE_STORY],
      strategy: 'canary',
    });
    expect((await runGates(bundle, GENEROUS_POLICY)).passed).toBe(true);
    for (const file of bundle.files.filter((candidate) => candidate.path.endsWith('.ts'))) {
      const code = withoutComments(file.content);
      for (const fragment of ['process.exit(', 'child_process', 'rm -rf', '`whoami`', 'evil(', '${process']) {
        expect({ path: file.path, found: code.includes(fragment) }).toEqual({
          path: file.path,
          found: false,
        });
      }
      expect(file.content).not.toMatch(/[\u2028\u2029]/);
    }
    expect(templateText(bundle)).not.toMatch(/whoami`|rm -rf|process\.exit|child_process/);
    expect(fileContent(bundle, 'README.md')).not.toContain('`whoami`');
    // The slug drops the name's punctuation, so a digest of the whole name keeps it distinct.
    expect(
      bundle.files.every((file) => /^services\/rm-rf-whoami-process-exit-1-[0-9a-f]{8}\//.test(file.path)),
    ).toBe(true);
  });

  it('grants no wildcard actions, scopes identity policies to resources, and retains and encrypts data stores', async () => {
    for (const strategy of [undefined, 'canary'] as const) {
      const { bundle } = await generate({
        taskType,
        taskName: 'Orders API',
        stories: STORIES,
        ...(strategy === undefined ? {} : { strategy }),
      });
      const template = parseBundleTemplate(bundle);
      for (const statement of policyStatements(template.Resources)) {
        const actions = [statement.Action].flat();
        if (statement.Effect === 'Allow')
          expect(actions.filter((action) => action === '*' || String(action).endsWith(':*'))).toEqual([]);
      }
      for (const [, role] of resourcesOfType(template, 'AWS::IAM::Role')) {
        const policies = (role.Properties?.['Policies'] ?? []) as {
          PolicyDocument: { Statement: { Resource: unknown }[] };
        }[];
        for (const policy of policies)
          for (const statement of policy.PolicyDocument.Statement) expect(statement.Resource).not.toBe('*');
      }
      for (const type of ['AWS::DynamoDB::Table', 'AWS::S3::Bucket', 'AWS::KMS::Key']) {
        for (const [id, resource] of resourcesOfType(template, type)) {
          expect({ id, deletion: resource.DeletionPolicy, replace: resource.UpdateReplacePolicy }).toEqual({
            id,
            deletion: 'Retain',
            replace: 'Retain',
          });
        }
      }
      for (const [, table] of resourcesOfType(template, 'AWS::DynamoDB::Table'))
        expect(table.Properties?.['SSESpecification']).toEqual({ SSEEnabled: true });
      for (const [, queue] of resourcesOfType(template, 'AWS::SQS::Queue'))
        expect(queue.Properties?.['SqsManagedSseEnabled']).toBe(true);
      for (const [, bucket] of resourcesOfType(template, 'AWS::S3::Bucket'))
        expect(bucket.Properties?.['BucketEncryption']).toBeDefined();
    }
  });
});

describe('request shaping', () => {
  it('routes the application API by the stories, on one model whose routes connect', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Shop Backend',
      stories: [
        'As a customer I can place an order',
        'As a customer I can view my orders',
        'As a clerk I can update an order',
        'As an admin I can delete a product',
      ],
    });
    const routeKeys = resourcesOfType(parseBundleTemplate(bundle), 'AWS::ApiGatewayV2::Route').map(
      ([, route]) => route.Properties?.['RouteKey'],
    );
    // Products are deleted by a story, so something must create them and read them back.
    expect(routeKeys).toEqual([
      'GET /health',
      'POST /orders',
      'GET /orders/{id}',
      'GET /orders',
      'PATCH /orders/{id}',
      'POST /products',
      'GET /products/{id}',
      'DELETE /products/{id}',
    ]);
    const routes = fileContent(bundle, 'src/routes.ts');
    expect(routes).toContain("'PATCH /orders/{id}': { operation: 'update', resource: 'order' }");
    // "As an admin": only a caller with that role may delete (#11).
    expect(routes).toContain(
      "'DELETE /products/{id}': { operation: 'delete', resource: 'product', roles: ['admin'] }",
    );
    expect(routes).toMatch(/Supports the stories: something must write\.\n {2}'POST \/products'/);
  });

  it('gives the integration consumer one message type per story', async () => {
    const { bundle } = await generate({
      taskType: 'integration',
      taskName: 'Payment Events',
      stories: ['As billing I can settle a payment', 'As support I can refund a payment'],
    });
    expect(fileContent(bundle, 'src/messages.ts')).toContain(
      "export const MESSAGE_TYPES = ['settle-payment', 'refund-payment'] as const;",
    );
  });

  it('makes production stacks keep logs longer and protect tables from deletion', async () => {
    const production = parseBundleTemplate(
      (await generate({ taskType: 'application', taskName: 'Orders API', environment: 'production' })).bundle,
    );
    const staging = parseBundleTemplate(
      (await generate({ taskType: 'application', taskName: 'Orders API', environment: 'staging' })).bundle,
    );
    expect(production.Parameters?.['LogRetentionDays']?.['Default']).toBe(365);
    expect(staging.Parameters?.['LogRetentionDays']?.['Default']).toBe(30);
    expect(production.Resources['ItemsTable']?.Properties?.['DeletionProtectionEnabled']).toBe(true);
    expect(staging.Resources['ItemsTable']?.Properties?.['DeletionProtectionEnabled']).toBe(false);
  });

  it('falls back to default routes, messages, checks and probes when there are no stories', async () => {
    const application = (await generate({ taskType: 'application', taskName: 'Catalog API' })).bundle;
    expect(fileContent(application, 'src/routes.ts')).toMatch(
      /'POST \/catalogs'[\s\S]*'GET \/catalogs\/\{id\}'[\s\S]*'GET \/catalogs'/,
    );
    const testing = (await generate({ taskType: 'testing', taskName: 'Catalog API' })).bundle;
    expect(fileContent(testing, 'src/checks.ts')).toContain("path: '/'");
  });
});

interface Statement {
  readonly Effect?: string;
  readonly Action?: unknown;
  readonly Resource?: unknown;
}

/** Every policy statement anywhere in the resources: role policies, key policies, bucket and topic policies. */
function policyStatements(resources: Record<string, unknown>): Statement[] {
  const found: Statement[] = [];
  const walk = (value: unknown, key: string): void => {
    if (Array.isArray(value)) {
      if (key === 'Statement') found.push(...(value as Statement[]));
      else value.forEach((item) => walk(item, ''));
    } else if (typeof value === 'object' && value !== null) {
      for (const [childKey, child] of Object.entries(value)) walk(child, childKey);
    }
  };
  walk(resources, '');
  return found;
}

/** The source with its comments blanked out, as Babel sees them. */
function withoutComments(source: string): string {
  const ast = parse(source, { sourceType: 'module', plugins: ['typescript'] });
  let code = source;
  for (const comment of ast.comments ?? []) {
    code =
      code.slice(0, comment.start ?? 0) +
      ' '.repeat((comment.end ?? 0) - (comment.start ?? 0)) +
      code.slice(comment.end ?? 0);
  }
  return code;
}
