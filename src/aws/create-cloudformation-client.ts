import { CloudFormationClient } from '@aws-sdk/client-cloudformation';

/**
 * The one place CloudFormation clients are made. Credentials and endpoint come from the
 * environment (OIDC via configure-aws-credentials; `AWS_ENDPOINT_URL_CLOUDFORMATION` for a stand-in).
 * The SDK's own retries stay on for throttling; our polling has its own backoff and deadline.
 */
export function createCloudFormationClient(region: string): CloudFormationClient {
  return new CloudFormationClient({ region, customUserAgent: 'implementation-agent' });
}
