import { maskNoEchoOutputs, NO_ECHO_MARKER } from '../cfn/mask-no-echo-outputs.js';
import { noEchoParameters } from '../cfn/no-echo-parameters.js';
import { redactJsonStrings } from '../secrets/redact-json-strings.js';
import type { StoredDeployment } from './deployment-store.js';

export { NO_ECHO_MARKER };

/** How every withheld value begins (`[REDACTED:<kind>]`, the secret scanner's markers and NO_ECHO_MARKER). */
const WITHHELD_PREFIX = '[REDACTED:';

/**
 * The deployment as a deployment store may keep it (issue #10: secrets never reach what the mirrors
 * keep): each NoEcho parameter's value (`noEchoParameters` of its template) replaced by
 * NO_ECHO_MARKER, as is each output whose value echoes one (`maskNoEchoOutputs`: CloudFormation
 * does not mask Outputs), and every parameter and output redacted by the artifacts' redaction path
 * (`redactJsonStrings`): a stack output holding a webhook URL or a token goes as
 * `[REDACTED:<kind>]`. The template is kept byte for byte: it is the repository's file at the
 * deployed sha (a rollback deploys it again, checked by its sha256), not model or stack output.
 * Idempotent, so both a caller and the store may apply it. Throws when the scanner fails, so
 * nothing unchecked is kept.
 */
export async function redactDeployment<Deployment extends Omit<StoredDeployment, 'templateSha256'>>(
  deployment: Deployment,
): Promise<Deployment> {
  const hidden = noEchoParameters(deployment.template);
  const parameters = Object.fromEntries(
    Object.entries(deployment.parameters).map(([name, value]) => [
      name,
      hidden.has(name) ? NO_ECHO_MARKER : value,
    ]),
  );
  return {
    ...deployment,
    parameters: await redactJsonStrings(parameters),
    outputs: await redactJsonStrings(
      maskNoEchoOutputs({
        template: deployment.template,
        parameters: deployment.parameters,
        outputs: deployment.outputs,
      }),
    ),
  };
}

/**
 * The names of stored parameters whose value was withheld (NoEcho, or a secret the scanner
 * redacted): a rollback cannot deploy them again and asks CloudFormation for the stack's
 * previous value instead (`UsePreviousValue`).
 */
export function withheldParameters(parameters: Readonly<Record<string, string>>): string[] {
  return Object.entries(parameters)
    .filter(([, value]) => value.includes(WITHHELD_PREFIX))
    .map(([name]) => name);
}
