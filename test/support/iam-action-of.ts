/** The IAM service prefix of each AWS SDK package the code imports commands from. */
const SERVICE_OF_PACKAGE: Readonly<Record<string, string>> = {
  '@aws-sdk/client-cloudformation': 'cloudformation',
  '@aws-sdk/client-codedeploy': 'codedeploy',
  '@aws-sdk/client-cloudwatch': 'cloudwatch',
  '@aws-sdk/client-dynamodb': 'dynamodb',
  '@aws-sdk/lib-dynamodb': 'dynamodb',
  '@aws-sdk/client-s3': 's3',
  '@aws-sdk/client-eventbridge': 'events',
};

/** S3 operations authorised under another action's name (Service Authorization Reference, Amazon S3). */
const S3_ACTIONS: Readonly<Record<string, string>> = { HeadObject: 'GetObject' };

/** The document client's commands and the DynamoDB operations (and IAM actions) they send. */
const DOCUMENT_CLIENT_OPERATIONS: Readonly<Record<string, string>> = {
  Get: 'GetItem',
  Put: 'PutItem',
  Update: 'UpdateItem',
  Delete: 'DeleteItem',
  Query: 'Query',
  Scan: 'Scan',
  BatchGet: 'BatchGetItem',
  BatchWrite: 'BatchWriteItem',
  TransactGet: 'TransactGetItems',
  TransactWrite: 'TransactWriteItems',
};

/**
 * The IAM action an SDK command needs: `CreateChangeSetCommand` from client-cloudformation is
 * `cloudformation:CreateChangeSet` (for these services the action is the operation's name);
 * lib-dynamodb's `GetCommand` sends GetItem. Throws for a package the deploy role does not know.
 */
export function iamActionOf(params: { packageName: string; commandName: string }): string {
  const service = SERVICE_OF_PACKAGE[params.packageName];
  if (service === undefined) throw new Error(`no IAM service known for ${params.packageName}`);
  const operation = params.commandName.replace(/Command$/, '');
  if (params.packageName === '@aws-sdk/lib-dynamodb') {
    const sent = DOCUMENT_CLIENT_OPERATIONS[operation];
    if (sent === undefined) throw new Error(`no DynamoDB operation known for ${params.commandName}`);
    return `${service}:${sent}`;
  }
  if (service === 's3') return `s3:${S3_ACTIONS[operation] ?? operation}`;
  return `${service}:${operation}`;
}
