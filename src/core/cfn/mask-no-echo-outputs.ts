import type { NestedTemplates } from './nested-stack-secrets.js';
import { noEchoParameters } from './no-echo-parameters.js';
import { noEchoValues } from './no-echo-values.js';
import { includesOutput } from './output-names.js';
import { outputsReferencing } from './outputs-referencing.js';
import { outputsReadingSecretAttributes } from './secret-attribute-outputs.js';

/** What a NoEcho parameter's value is stored as: CloudFormation never shows it back, nor does the store. */
export const NO_ECHO_MARKER = '[REDACTED:no-echo]';
/** What an output reading a secret resource attribute (`outputsReadingSecretAttributes`) is given as. */
export const SECRET_ATTRIBUTE_MARKER = '[REDACTED:secret-attribute]';

/**
 * The stack outputs with every value that refers to one of the template's NoEcho parameters
 * (`noEchoParameters`) by structure (`outputsReferencing`: `Ref`, `Fn::Sub`, through any intrinsic,
 * so `!Base64 !Ref P` and `!Select [0, !Split ['-', !Ref P]]` too), or equals or contains one's
 * value, replaced by NO_ECHO_MARKER. CloudFormation masks a NoEcho
 * parameter's value but not an output that echoes it: "Using the NoEcho attribute does not mask
 * any information stored in the following: … The Outputs template section" (AWS CloudFormation
 * User Guide, *CloudFormation template Parameters syntax*, NoEcho). A password is no token form a scanner
 * knows, so only NoEcho says it is secret. Empty values and values already withheld are not looked
 * for. A value deployed as the stack's previous one (`UsePreviousValue`) is unknown here and cannot
 * be recognised. An output reading a secret attribute of a resource (`outputsReadingSecretAttributes`:
 * an access key's `SecretAccessKey`, an app client's `ClientSecret`) is replaced by
 * SECRET_ATTRIBUTE_MARKER the same way, whatever its value, and so is one re-exporting a nested
 * stack's output that carries a secret (`!GetAtt Child.Outputs.Secret`: the child template read
 * from `nestedTemplates`, keyed by its `TemplateURL` as the template writes it), or any output of a
 * nested stack whose template is not there to read (fails closed: see `nestedStackSecretAttributes`).
 * Pure.
 */
export function maskNoEchoOutputs(params: {
  template: string;
  parameters: Readonly<Record<string, string>>;
  outputs: Readonly<Record<string, string>>;
  nestedTemplates?: NestedTemplates;
}): Record<string, string> {
  const hidden = noEchoParameters(params.template);
  const referencing = outputsReferencing(params.template, hidden);
  const secrets = noEchoValues(params.template, params.parameters);
  const secretAttributes = outputsReadingSecretAttributes(params.template, 'not-followed');
  // Nested stacks' outputs after the NoEcho echoes: a child handed a NoEcho value is named as such.
  const nestedSecrets = outputsReadingSecretAttributes(params.template, params.nestedTemplates);
  return Object.fromEntries(
    Object.entries(params.outputs).map(([name, value]) => [
      name,
      includesOutput(secretAttributes, name)
        ? SECRET_ATTRIBUTE_MARKER
        : includesOutput(referencing, name) || secrets.some((secret) => value.includes(secret))
          ? NO_ECHO_MARKER
          : includesOutput(nestedSecrets, name)
            ? SECRET_ATTRIBUTE_MARKER
            : value,
    ]),
  );
}
