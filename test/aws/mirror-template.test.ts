import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import {
  lockTableDefinition,
  LOCK_TABLE_TTL_ATTRIBUTE,
} from '../../src/aws/dynamodb/lock-table-definition.js';
import {
  resultsTableDefinition,
  tasksTableDefinition,
} from '../../src/aws/dynamodb/task-table-definitions.js';

const TEMPLATE_FILE = new URL('../../infrastructure/mirror.yaml', import.meta.url);

interface Resource {
  Type: string;
  Condition?: string;
  Properties: Record<string, unknown>;
}
const template = parse(readFileSync(TEMPLATE_FILE, 'utf8')) as {
  Resources: Record<string, Resource>;
  Outputs: Record<string, { Description: string }>;
};
const resource = (name: string) => template.Resources[name]!.Properties;
/** What of a table's definition the stores rely on: keys, attribute types and the status index. */
const keysOf = (table: object) => {
  const { AttributeDefinitions, KeySchema, GlobalSecondaryIndexes, BillingMode } = table as Record<
    string,
    unknown
  >;
  return { AttributeDefinitions, KeySchema, GlobalSecondaryIndexes, BillingMode };
};

describe('infrastructure/mirror.yaml (DESIGN §11)', () => {
  it('creates the tables with the keys and index the stores use', () => {
    expect(keysOf(resource('TasksTable'))).toEqual(keysOf(tasksTableDefinition('x')));
    expect(keysOf(resource('ResultsTable'))).toEqual(keysOf(resultsTableDefinition('x')));
    expect(keysOf(resource('LocksTable'))).toEqual(keysOf(lockTableDefinition('x')));
    expect(resource('LocksTable')['TimeToLiveSpecification']).toEqual({
      AttributeName: LOCK_TABLE_TTL_ATTRIBUTE,
      Enabled: true,
    });
  });

  it.each(['ArtifactsBucket', 'DeploymentsBucket'])(
    'keeps %s private, versioned, encrypted and TLS-only',
    (name) => {
      expect(resource(name)).toMatchObject({
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        VersioningConfiguration: { Status: 'Enabled' },
        BucketEncryption: { ServerSideEncryptionConfiguration: [expect.anything()] },
      });
      const policy = resource(`${name}Policy`) as { PolicyDocument: { Statement: unknown[] } };
      expect(policy.PolicyDocument.Statement).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
    },
  );

  it('makes the event bus only when named, and names each output after the config key it fills', () => {
    expect(template.Resources['EventBus']?.Condition).toBe('HasEventBus');
    expect(
      Object.fromEntries(Object.entries(template.Outputs).map(([key, output]) => [key, output.Description])),
    ).toEqual({
      TasksTable: 'mirrors.tasks_table',
      ResultsTable: 'mirrors.results_table',
      LocksTable: 'mirrors.locks_table',
      ArtifactsBucket: 'mirrors.artifacts_bucket',
      DeploymentsBucket: 'mirrors.deployments_bucket',
      EventBus: 'mirrors.event_bus',
      Region: 'mirrors.region',
    });
  });
});

// cfn-lint is a Python tool; where it is missing the check is skipped, unless REQUIRE_CFN_LINT=1.
const hasCfnLint = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' }).status === 0;
const required = process.env.REQUIRE_CFN_LINT === '1';
describe(
  hasCfnLint ? 'cfn-lint' : 'cfn-lint (skipped: cfn-lint is not installed; pip install cfn-lint)',
  () => {
    (hasCfnLint || required ? it : it.skip)(
      'accepts infrastructure/mirror.yaml',
      () => {
        const result = spawnSync('cfn-lint', [TEMPLATE_FILE.pathname], { encoding: 'utf8' });
        expect(result.error).toBeUndefined();
        expect(`${result.stdout}${result.stderr}`).toBe('');
        expect(result.status).toBe(0);
      },
      90_000,
    );
  },
);
