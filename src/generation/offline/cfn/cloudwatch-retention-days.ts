/**
 * The retention periods, in days, a CloudWatch Logs log group accepts: the allowed values of
 * `RetentionInDays` (AWS CloudFormation User Guide, AWS::Logs::LogGroup, RetentionInDays; the same
 * list as the Logs API's PutRetentionPolicy). Any other number fails the stack.
 */
export const CLOUDWATCH_RETENTION_DAYS: readonly number[] = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];
