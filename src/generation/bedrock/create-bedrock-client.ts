import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
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
 * Builds the SDK client. Credentials come from the default provider chain unless given (in the
 * Action, configure-aws-credentials puts OIDC session credentials in the environment).
 * The SDK's own retries are off: the provider's retry policy is the only one, so it is testable.
 */
export function createBedrockClient(params: {
  region: string;
  endpoint?: string;
  credentials?: BedrockRuntimeClientConfig['credentials'];
  requestHandler?: BedrockRuntimeClientConfig['requestHandler'];
}): ConverseClient {
  return new BedrockRuntimeClient({
    region: params.region,
    maxAttempts: 1,
    ...(params.endpoint === undefined ? {} : { endpoint: params.endpoint }),
    ...(params.credentials === undefined ? {} : { credentials: params.credentials }),
    ...(params.requestHandler === undefined ? {} : { requestHandler: params.requestHandler }),
  });
}
