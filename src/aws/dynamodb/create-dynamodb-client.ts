import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createAwsClient, type AwsClientSettings } from '../create-aws-client.js';

/**
 * The document client every DynamoDB store uses, over a client from the one factory. Optional
 * fields of our records are often undefined; DynamoDB has no such value, so they are dropped.
 */
export function createDocumentClient(settings: AwsClientSettings): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(createAwsClient(DynamoDBClient, settings), {
    marshallOptions: { removeUndefinedValues: true },
  });
}
