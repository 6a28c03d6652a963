import type { AddressInfo } from 'node:net';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import dynalite from 'dynalite';
import { createDocumentClient } from '../../../../src/aws/dynamodb/create-dynamodb-client.js';
import { lockTableDefinition } from '../../../../src/aws/dynamodb/lock-table-definition.js';

const REGION = 'us-east-1';
const CREDENTIALS = { accessKeyId: 'dynalite', secretAccessKey: 'dynalite' };

export interface LockTable {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
}

/**
 * Starts dynalite on a loopback port for the test file and gives each test a fresh lock table,
 * created from the same definition production uses, so no test sees another's locks.
 */
export function useDynaliteLockTable(): LockTable {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  let endpoint = '';
  let client: DynamoDBDocumentClient | undefined;
  let tableName = '';
  let tableCount = 0;

  beforeAll(async () => {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    endpoint = `http://127.0.0.1:${portOf(server.address())}`;
    client = createDocumentClient({ region: REGION, endpoint, credentials: CREDENTIALS });
  });

  beforeEach(async () => {
    tableCount += 1;
    tableName = `deploy-locks-${tableCount}`;
    await createActiveTable({ endpoint, tableName });
  });

  afterAll(async () => {
    client?.destroy();
    await new Promise<void>((resolve, reject) =>
      server.close((error) => (error ? reject(error) : resolve())),
    );
  });

  return {
    get client() {
      if (client === undefined) throw new Error('dynalite is not started: use the table inside a test');
      return client;
    },
    get tableName() {
      return tableName;
    },
  };
}

async function createActiveTable(params: { endpoint: string; tableName: string }): Promise<void> {
  const admin = new DynamoDBClient({ region: REGION, endpoint: params.endpoint, credentials: CREDENTIALS });
  try {
    await admin.send(new CreateTableCommand(lockTableDefinition(params.tableName)));
    // Even with createTableMs 0, dynalite reports CREATING until its next tick.
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const { Table } = await admin.send(new DescribeTableCommand({ TableName: params.tableName }));
      if (Table?.TableStatus === 'ACTIVE') return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`dynalite table ${params.tableName} never became ACTIVE`);
  } finally {
    admin.destroy();
  }
}

function portOf(address: AddressInfo | string | null): number {
  if (address === null || typeof address === 'string') throw new Error('dynalite is not listening on TCP');
  return address.port;
}
