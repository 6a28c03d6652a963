import { describeAwsError } from '../cloudformation/describe-aws-error.js';

/**
 * A store's failure, said once with what it was doing, the table, AWS's message and a fix when
 * one is known (a missing table names the definition to create it from).
 */
export function tableError(params: {
  action: string;
  tableName: string;
  definition: string;
  error: unknown;
}): Error {
  const { action, tableName, definition, error } = params;
  const { name, message, advice } = describeAwsError(error);
  const fix =
    name === 'ResourceNotFoundException'
      ? `Create the table (see ${definition}, or infrastructure/) or correct its name under mirrors in .github/implementation-agent.yml.`
      : advice;
  return new Error(
    `Could not ${action} (table ${tableName}): ${name}: ${message}${fix === undefined ? '' : ` ${fix}`}`,
    {
      cause: error,
    },
  );
}
