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

/**
 * What else an S3 call needs with every mirror option on, beyond its own action: `s3:ListBucket`
 * for a read, or a missing key answers 403 rather than 404 (S3 API Reference, HeadObject and
 * GetObject, "Permissions"); with `mirrors.kms_key_id`, `kms:GenerateDataKey` to write an SSE-KMS
 * object and `kms:Decrypt` to read one (S3 User Guide, "Using server-side encryption with AWS KMS
 * keys"). Keep this list with the SDK calls the code makes.
 */
const IMPLIED: Readonly<Record<string, readonly string[]>> = {
  's3:HeadObject': ['s3:ListBucket'],
  's3:GetObject': ['s3:ListBucket', 'kms:Decrypt'],
  's3:PutObject': ['kms:GenerateDataKey'],
};

/** lib-storage's `Upload` sends multipart calls: Create/UploadPart/Complete are `s3:PutObject`. */
const UPLOAD_ACTIONS = ['s3:PutObject', 's3:AbortMultipartUpload', 'kms:GenerateDataKey', 'kms:Decrypt'];

/** Every IAM action one imported SDK command (or lib-storage's `Upload`) needs to succeed on real AWS. */
export function iamActionsNeededBy(params: { packageName: string; name: string }): string[] {
  if (params.packageName === '@aws-sdk/lib-storage' && params.name === 'Upload') return UPLOAD_ACTIONS;
  const own = iamActionOf({ packageName: params.packageName, commandName: params.name });
  const operation = own.startsWith('s3:') ? `s3:${params.name.replace(/Command$/, '')}` : own;
  return [own, ...(IMPLIED[operation] ?? [])];
}
