import { noEchoParameters } from './no-echo-parameters.js';

/** How every withheld value begins (`[REDACTED:<kind>]`): a value withheld already is no secret to look for. */
export const WITHHELD_PREFIX = '[REDACTED:';

/**
 * The values `parameters` gives the template's NoEcho parameters (`noEchoParameters`): secret by
 * declaration, though no scanner pattern knows them. Empty values and values already withheld
 * are left out; longest first, so a value containing another is replaced whole. Pure.
 */
export function noEchoValues(template: string, parameters: Readonly<Record<string, string>>): string[] {
  const hidden = noEchoParameters(template);
  return Object.entries(parameters)
    .filter(([name, value]) => hidden.has(name) && value !== '' && !value.startsWith(WITHHELD_PREFIX))
    .map(([, value]) => value)
    .sort((a, b) => b.length - a.length);
}
