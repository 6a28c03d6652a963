import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { createAwsClient, type AwsClientSettings } from '../../aws/create-aws-client.js';
import type {
  BedrockRuntimeClientConfig,
  ConverseCommand,
  ConverseCommandOutput,
} from '@aws-sdk/client-bedrock-runtime';

/** The one client method the provider uses; tests and callers may pass any object that has it. */
export interface ConverseClient {
  send(command: ConverseCommand): Promise<ConverseCommandOutput>;
}

/**
 * Builds the SDK client with the one AWS client factory. The SDK's own retries are off: the
 * provider's retry policy is the only one, so it is testable.
 */
export function createBedrockClient(params: {
  region: string;
  endpoint?: string;
  credentials?: AwsClientSettings['credentials'];
  requestHandler?: BedrockRuntimeClientConfig['requestHandler'];
}): ConverseClient {
  const { requestHandler, credentials, ...settings } = params;
  return createAwsClient(
    BedrockRuntimeClient,
    { ...settings, ...(credentials === undefined ? {} : { credentials }), maxAttempts: 1 },
    requestHandler === undefined ? {} : { requestHandler },
  );
}
