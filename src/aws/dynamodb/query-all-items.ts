import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';

/**
 * Every item a DynamoDB `Query` matches, read page by page: a page stops at 1 MB of items and
 * names where the next begins in `LastEvaluatedKey` (Amazon DynamoDB Developer Guide, "Paginating
 * table query results"). `input` is the query without `ExclusiveStartKey`, which this sets.
 * Throws the SDK's error of the first page that fails; nothing is returned then.
 */
export async function queryAllItems(
  client: Pick<DynamoDBDocumentClient, 'send'>,
  input: Omit<QueryCommandInput, 'ExclusiveStartKey'>,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new QueryCommand({ ...input, ...(startKey === undefined ? {} : { ExclusiveStartKey: startKey }) }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
  return items;
}
