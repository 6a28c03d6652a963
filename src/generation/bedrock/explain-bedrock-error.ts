import { bedrockErrorFacts } from './bedrock-error-facts.js';
import { BedrockRequestError } from './bedrock-request-error.js';
import { isRetryableBedrockError } from './is-retryable-bedrock-error.js';

const CREDENTIAL_ERRORS = new Set([
  'CredentialsProviderError',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'ExpiredTokenException',
]);
const MODEL_ID_HINT = /model ?(id|identifier)|inference profile|on-demand throughput/i;

/** Turns an SDK failure into one message with the fix; `attempts` is how many calls were made. */
export function explainBedrockError(params: {
  error: unknown;
  modelId: string;
  region: string;
  attempts: number;
}): BedrockRequestError {
  const { error, modelId, region, attempts } = params;
  const { name, message } = bedrockErrorFacts(error);
  const retryable = isRetryableBedrockError(error);
  return new BedrockRequestError({
    message: `${adviceFor({ name, message, modelId, region, attempts, retryable })} (${name}: ${message})`,
    code: name,
    retryable,
    cause: error,
  });
}

function adviceFor(params: {
  name: string;
  message: string;
  modelId: string;
  region: string;
  attempts: number;
  retryable: boolean;
}): string {
  const { name, message, modelId, region, attempts, retryable } = params;
  const checkModelId = `check model.id / inference profile: "${modelId}" must be a model or inference profile id available in ${region}, and model.region must be where it is offered`;
  if (retryable && name === 'ThrottlingException') {
    return `Bedrock kept throttling ${modelId} in ${region} after ${attempts} attempt(s): try again later, or ask for a higher Bedrock quota (requests and tokens per minute) for this model`;
  }
  if (retryable) {
    return `Bedrock stayed unavailable for ${modelId} in ${region} after ${attempts} attempt(s): try again later`;
  }
  if (name === 'AccessDeniedException') {
    return `Bedrock denied access: enable model access for ${modelId} in ${region} and allow bedrock:InvokeModel on the role (for an inference profile, on the profile and the foundation models it routes to)`;
  }
  if (
    name === 'ResourceNotFoundException' ||
    (name === 'ValidationException' && MODEL_ID_HINT.test(message))
  ) {
    return `Bedrock does not accept the model: ${checkModelId}`;
  }
  if (name === 'ValidationException') return 'Bedrock rejected the request as invalid';
  if (name === 'ServiceQuotaExceededException') {
    return `Bedrock quota exceeded for ${modelId} in ${region}: ask for a higher quota or lower model.max_tokens`;
  }
  if (CREDENTIAL_ERRORS.has(name)) {
    return 'No valid AWS credentials for Bedrock: in the workflow, run aws-actions/configure-aws-credentials (OIDC, role-to-assume) before this step; locally, sign in to a profile (AWS_PROFILE) first';
  }
  return `Bedrock Converse failed for ${modelId} in ${region}`;
}
