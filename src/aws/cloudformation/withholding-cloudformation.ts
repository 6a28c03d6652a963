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
  if (typeof error === 'string') return withhold(error);
  // Duck-typed: an error from another realm is no `instanceof Error` here, and must not pass unread.
  if (typeof error !== 'object' || error === null) return error;
  const fields = error as Record<string, unknown>;
  for (const key of ['message', 'stack', 'Message']) {
    const text = fields[key];
    if (typeof text === 'string') fields[key] = withhold(text);
  }
  return error;
}
