/**
 * The outputs of a template found to carry a secret: `named` (by their names, `Fn::ForEach` loops
 * expanded), and, when a loop in `Outputs` could not be expanded, every output not among
 * `declared` (the names the template gives or its expanded loops make): the loop may make it.
 */
export interface OutputNames {
  readonly named: ReadonlySet<string>;
  /** Present only when some outputs' names are not known: an output named otherwise counts. */
  readonly declared?: ReadonlySet<string>;
}

/** No output. */
export const NO_OUTPUTS: OutputNames = { named: new Set() };

/** Whether the output `name` is among `names` (fails closed on an output a loop not expanded may make). */
export function includesOutput(names: OutputNames, name: string): boolean {
  return names.named.has(name) || (names.declared !== undefined && !names.declared.has(name));
}
