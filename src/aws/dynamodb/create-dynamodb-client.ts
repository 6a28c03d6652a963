import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * Builds the document client every DynamoDB store uses. Credentials come from the default provider
 * chain unless given (in the Action, configure-aws-credentials puts OIDC session credentials in the
 * environment); tests pass a local endpoint and dummy credentials.
 */
export function createDocumentClient(params: {
  region: string;
  endpoint?: string;
  credentials?: DynamoDBClientConfig['credentials'];
}): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region: params.region,
    ...(params.endpoint === undefined ? {} : { endpoint: params.endpoint }),
    ...(params.credentials === undefined ? {} : { credentials: params.credentials }),
  });
  // Optional fields of our records are often undefined; DynamoDB has no such value, so drop them.
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}
