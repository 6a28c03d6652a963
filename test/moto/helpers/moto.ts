import { randomUUID } from 'node:crypto';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createAwsClient, type AwsClientSettings } from '../../../src/aws/create-aws-client.js';
import {
  resultsTableDefinition,
  tasksTableDefinition,
} from '../../../src/aws/dynamodb/task-table-definitions.js';
import { agentConfigSchema, type AgentConfig } from '../../../src/core/config/agent-config.js';

export const MOTO_REGION = 'us-east-1';

/** Where global setup started moto_server. */
export function motoEndpoint(): string {
  const endpoint = process.env['MOTO_ENDPOINT'];
  if (endpoint === undefined)
    throw new Error('MOTO_ENDPOINT is not set: run these tests with `npm run test:aws`.');
  return endpoint;
}

/** Client settings for moto at `endpoint` (moto itself, or a proxy in front of it). */
export function motoSettings(endpoint = motoEndpoint()): AwsClientSettings {
  return { region: MOTO_REGION, ...motoOverrides(endpoint) };
}

/** What `mirrorStoresForConfig` takes beside the config to reach moto (or a proxy in front of it). */
export function motoOverrides(endpoint = motoEndpoint()): Omit<AwsClientSettings, 'region'> {
  return { endpoint, credentials: { accessKeyId: 'moto', secretAccessKey: 'moto' } };
}

export interface MotoMirror {
  readonly config: AgentConfig;
  readonly tasksTable: string;
  readonly resultsTable: string;
  readonly artifactsBucket: string;
  readonly deploymentsBucket: string;
}

/**
 * Both tables (from the definitions the product documents) and both buckets, under names no other
 * test uses, and the config that names them: moto is shared by every test file of the run.
 */
export async function createMotoMirror(params: { kmsKeyId?: string } = {}): Promise<MotoMirror> {
  const suffix = randomUUID().slice(0, 8);
  const names = {
    tasksTable: `ImplementationTasks-${suffix}`,
    resultsTable: `ImplementationResults-${suffix}`,
    artifactsBucket: `artifacts-${suffix}`,
    deploymentsBucket: `deployments-${suffix}`,
  };
  const dynamodb = createAwsClient(DynamoDBClient, motoSettings());
  const s3 = createAwsClient(S3Client, motoSettings(), { forcePathStyle: true });
  try {
    await dynamodb.send(new CreateTableCommand(tasksTableDefinition(names.tasksTable)));
    await dynamodb.send(new CreateTableCommand(resultsTableDefinition(names.resultsTable)));
    await s3.send(new CreateBucketCommand({ Bucket: names.artifactsBucket }));
    await s3.send(new CreateBucketCommand({ Bucket: names.deploymentsBucket }));
  } finally {
    dynamodb.destroy();
    s3.destroy();
  }
  const config = agentConfigSchema.parse({
    mirrors: {
      tasks_table: names.tasksTable,
      results_table: names.resultsTable,
      artifacts_bucket: names.artifactsBucket,
      deployments_bucket: names.deploymentsBucket,
      region: MOTO_REGION,
      ...(params.kmsKeyId === undefined ? {} : { kms_key_id: params.kmsKeyId }),
    },
  });
  return { config, ...names };
}
