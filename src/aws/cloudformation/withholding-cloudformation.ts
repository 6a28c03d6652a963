import type { CloudFormationApi } from './cloudformation-api.js';

/**
 * Fields of CloudFormation's answers that the deploy matches on, compares or reads back as they
 * are: names, ids, statuses and enums, paging tokens, and outputs (masked whole, by structure, in
 * `maskNoEchoOutputs`, which must see them as AWS gave them). Every other string, status reasons
 * and anything AWS may add, is text for people and is withheld.
 */
const KEPT_FIELDS = new Set([
  'StackName',
  'StackId',
  'ParentId',
  'RootId',
  'ChangeSetId',
  'ChangeSetName',
  'EventId',
  'LogicalResourceId',
  'PhysicalResourceId',
  'ResourceType',
  'ResourceStatus',
  'StackStatus',
  'Status',
  'ExecutionStatus',
  'Action',
  'Replacement',
  'ChangeSetType',
  'NextToken',
  'OutputKey',
  'OutputValue',
  'ExportName',
  'ParameterKey',
]);

/**
 * `cfn` whose answers and errors carry no text from which `withhold` removes something: every
 * string of an answer but the fields in KEPT_FIELDS, and a thrown error's message. The values
 * passed to NoEcho parameters leave AWS's status reasons and validation errors as they arrive,
 * before any code quotes or escapes them for a log line or a comment (escaping first would hide
 * a value like `a*b` as `a\*b` from the search). Identifiers stay as AWS gave them, so a short
 * value (a NoEcho user name `orders`) never renames the stack the deploy is watching.
 */
export function withholdingCloudFormation(
  cfn: CloudFormationApi,
  withhold: (text: string) => string,
): CloudFormationApi {
  type Send = CloudFormationApi['send'];
  const send = async (command: Parameters<Send>[0]): Promise<unknown> => {
    try {
      return withheldAnswer(await cfn.send(command), withhold);
    } catch (error) {
      throw withheldError(error, withhold);
    }
  };
  return { send: send as Send };
}

function withheldAnswer(value: unknown, withhold: (text: string) => string): unknown {
  if (typeof value === 'string') return withhold(value);
  if (Array.isArray(value)) return value.map((item) => withheldAnswer(item, withhold));
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      KEPT_FIELDS.has(key) && typeof inner === 'string' ? inner : withheldAnswer(inner, withhold),
    ]),
  );
}

/** The same error (its name, metadata and class kept), its message, stack and any `Message` withheld. */
function withheldError(error: unknown, withhold: (text: string) => string): unknown {
  if (!(error instanceof Error)) return typeof error === 'string' ? withhold(error) : error;
  error.message = withhold(error.message);
  if (error.stack !== undefined) error.stack = withhold(error.stack);
  const fields = error as unknown as Record<string, unknown>;
  if (typeof fields.Message === 'string') fields.Message = withhold(fields.Message);
  return error;
}
