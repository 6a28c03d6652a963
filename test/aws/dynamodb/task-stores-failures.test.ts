import { DynamoDBClient, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { createDynamoDbTaskEventStore } from '../../../src/aws/dynamodb/dynamodb-task-event-store.js';
import { createDynamoDbTaskStore } from '../../../src/aws/dynamodb/dynamodb-task-store.js';
import { receivedRecord } from '../../support/store-contracts/task-store-contract.js';

const documentMock = mockClient(DynamoDBDocumentClient);
const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'ap-southeast-2' }));
beforeEach(() => documentMock.reset());

const missingTable = () =>
  new ResourceNotFoundException({
    message: 'Requested resource not found',
    $metadata: { httpStatusCode: 400 },
  });

describe('DynamoDB task stores: failures AWS answers with', () => {
  it('says which table is missing and how to make it', async () => {
    documentMock.on(PutCommand).rejects(missingTable());
    const tasks = createDynamoDbTaskStore({ client, tableName: 'ImplementationTasks' });
    await expect(tasks.put(receivedRecord('acme/shop#1'), 0)).rejects.toThrow(
      /Could not write task acme\/shop#1 \(table ImplementationTasks\): ResourceNotFoundException: .*tasksTableDefinition/,
    );
  });

  it('refuses an item that is not a record it wrote, naming the table', async () => {
    documentMock.on(GetCommand).resolves({ Item: { task_id: 'acme/shop#1', status: 'hacked' } });
    const tasks = createDynamoDbTaskStore({ client, tableName: 'ImplementationTasks' });
    await expect(tasks.get('acme/shop#1')).rejects.toThrow(
      /ImplementationTasks is not in the expected shape/,
    );
  });

  it('reads every page of the status index', async () => {
    const first = receivedRecord('acme/shop#1');
    const second = receivedRecord('acme/shop#2');
    documentMock
      .on(QueryCommand)
      .resolvesOnce({ Items: [first], LastEvaluatedKey: { task_id: first.task_id } })
      .resolvesOnce({ Items: [second] });
    const tasks = createDynamoDbTaskStore({ client, tableName: 'ImplementationTasks' });
    expect(await tasks.listByStatus({ repo: 'acme/shop', status: 'received' })).toEqual([first, second]);
    expect(documentMock.commandCalls(QueryCommand)[1]?.args[0].input.ExclusiveStartKey).toEqual({
      task_id: first.task_id,
    });
  });

  it('names the results table when an append fails for another reason than a taken key', async () => {
    documentMock.on(PutCommand).rejects(missingTable());
    const events = createDynamoDbTaskEventStore({ client, tableName: 'ImplementationResults' });
    await expect(
      events.append({
        type: 'attempt_started',
        task_id: 'acme/shop#1',
        at: '2026-11-24T10:00:00.000Z',
        attempt: 1,
        sequence: 2,
      }),
    ).rejects.toThrow(
      /append event attempt_started#2026-11-24T10:00:00.000Z#000002 .*resultsTableDefinition/,
    );
  });
});
