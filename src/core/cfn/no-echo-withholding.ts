import { textWithoutValues } from '../secrets/without-values.js';
import { NO_ECHO_MARKER } from './mask-no-echo-outputs.js';
import { noEchoValues, WITHHELD_PREFIX } from './no-echo-values.js';

/**
 * What every channel that renders AWS text for a stack (the deploy's log, report and result, the
 * traffic shift and bake lines, `/cancel`'s answer) removes before it quotes or escapes it: the
 * values `parameters` passes to the template's NoEcho parameters (`noEchoValues`), which AWS echoes
 * in validation errors and status reasons, replaced by NO_ECHO_MARKER. `template` undefined (it
 * could not be read) fails closed: every value of `parameters` is withheld. `values` longest first;
 * `withhold` is the identity when there are none, and withholding twice changes nothing. Pure.
 */
export function noEchoWithholding(params: {
  template: string | undefined;
  parameters: Readonly<Record<string, string>>;
}): { readonly values: readonly string[]; readonly withhold: (text: string) => string } {
  const values =
    params.template === undefined
      ? [
          ...new Set(
            Object.values(params.parameters).filter(
              (value) => value !== '' && !value.startsWith(WITHHELD_PREFIX),
            ),
          ),
        ].sort((a, b) => b.length - a.length)
      : noEchoValues(params.template, params.parameters);
  // Markers already in the text are kept as they are, so withholding twice (a line a withheld
  // answer made, withheld again where it is shown) never nests a value found inside the marker.
  const withhold = (text: string) =>
    values.length === 0
      ? text
      : text
          .split(NO_ECHO_MARKER)
          .map((piece) => textWithoutValues(piece, values, NO_ECHO_MARKER))
          .join(NO_ECHO_MARKER);
  return { values, withhold };
}
