import { noEchoParameters } from './no-echo-parameters.js';

/** What a NoEcho parameter's value is stored as: CloudFormation never shows it back, nor does the store. */
export const NO_ECHO_MARKER = '[REDACTED:no-echo]';

/** How every withheld value begins (`[REDACTED:<kind>]`): a value withheld already is no secret to look for. */
const WITHHELD_PREFIX = '[REDACTED:';

/**
 * The stack outputs with every value that equals or contains the value of one of the template's
 * NoEcho parameters (`noEchoParameters`) replaced by NO_ECHO_MARKER. CloudFormation masks a NoEcho
 * parameter's value but not an output that echoes it: "Using the NoEcho attribute does not mask
 * any information stored in the following: … The Outputs template section" (AWS CloudFormation
 * User Guide, *CloudFormation template Parameters syntax*, NoEcho). A password is no token form a scanner
 * knows, so only NoEcho says it is secret. Empty values and values already withheld are not looked
 * for. A value deployed as the stack's previous one (`UsePreviousValue`) is unknown here and cannot
 * be recognised. Pure.
 */
export function maskNoEchoOutputs(params: {
  template: string;
  parameters: Readonly<Record<string, string>>;
  outputs: Readonly<Record<string, string>>;
}): Record<string, string> {
  const hidden = noEchoParameters(params.template);
  const secrets = Object.entries(params.parameters)
    .filter(([name, value]) => hidden.has(name) && value !== '' && !value.startsWith(WITHHELD_PREFIX))
    .map(([, value]) => value);
  return Object.fromEntries(
    Object.entries(params.outputs).map(([name, value]) => [
      name,
      secrets.some((secret) => value.includes(secret)) ? NO_ECHO_MARKER : value,
    ]),
  );
}
