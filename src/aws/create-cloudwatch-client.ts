import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';

/** The one place CloudWatch clients are made; credentials and endpoint come from the environment. */
export function createCloudWatchClient(region: string): CloudWatchClient {
  return new CloudWatchClient({ region, customUserAgent: 'implementation-agent' });
}
