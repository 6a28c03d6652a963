/** DynamoDB refused a write because its condition did not hold (the item changed, or already exists). */
export function isConditionalCheckFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}
