import { codeSpan } from '../../core/markdown/code-span.js';

export interface AwsErrorDescription {
  readonly name: string;
  readonly message: string;
  /** One sentence of our markdown on how to fix it, when the error is one we recognise. */
  readonly advice?: string;
}

const CREDENTIAL_ERRORS = new Set([
  'CredentialsProviderError',
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'SignatureDoesNotMatch',
  'InvalidSignatureException',
]);
const ACCESS_ERRORS = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation']);

/** Reads name and message off anything thrown, and adds advice for credential and permission failures. */
export function describeAwsError(error: unknown): AwsErrorDescription {
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  const advice = adviceFor({ name, message });
  return { name, message, ...(advice === undefined ? {} : { advice }) };
}

function adviceFor(params: { name: string; message: string }): string | undefined {
  const { name, message } = params;
  if (CREDENTIAL_ERRORS.has(name)) {
    return 'The workflow has no valid AWS credentials: check that `aws-actions/configure-aws-credentials` runs before this step with the deploy role, and that the role trusts this repository through OIDC.';
  }
  if (ACCESS_ERRORS.has(name)) {
    // "... is not authorized to perform: cloudformation:CreateChangeSet on resource: ..."
    const action = /not authorized to perform:?\s*([\w-]+:[\w*-]+)/i.exec(message)?.[1];
    return action
      ? `The deploy role is missing permission for ${codeSpan(action)}: add it to the role's policy (\`infrastructure/deploy-role.yaml\` grants every action the deploy itself calls; what a template creates comes from \`TemplateResourcePolicyArns\`).`
      : "The deploy role lacks a permission this deploy needs; the message above names it. Add it to the role's policy (see `infrastructure/deploy-role.yaml`).";
  }
  if (/TerminationProtection is enabled/i.test(message)) {
    return 'The stack has termination protection; turn it off (`aws cloudformation update-termination-protection --no-enable-termination-protection`) before it can be deleted.';
  }
  return undefined;
}
