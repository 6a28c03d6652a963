/** One piece of an `Fn::Sub` string: literal text, or a `${…}` placeholder's name (trimmed). */
export type SubPiece = { readonly literal: string } | { readonly placeholder: string };

const PLACEHOLDER = /\$\{([^}]*)\}/g;

/**
 * An `Fn::Sub` string as its pieces, in order: literal text and the `${Name}` /
 * `${Resource.Attribute}` placeholders. `${!Literal}` is CloudFormation's escape for a literal
 * `${Literal}`, so it is literal text (AWS CloudFormation User Guide, "Fn::Sub"). Names are read
 * trimmed, as every reader of them in this project does. Pure.
 */
export function subPieces(text: string): SubPiece[] {
  const pieces: SubPiece[] = [];
  let at = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const inner = match[1] ?? '';
    pieces.push({ literal: text.slice(at, match.index) });
    pieces.push(inner.startsWith('!') ? { literal: `\${${inner.slice(1)}}` } : { placeholder: inner.trim() });
    at = match.index + match[0].length;
  }
  pieces.push({ literal: text.slice(at) });
  return pieces;
}

/**
 * The `${Name}` and `${Resource.Attribute}` placeholders of an `Fn::Sub` string, in order.
 * `${!Literal}` is CloudFormation's escape for a literal `${Literal}`, so it is not a placeholder.
 */
export function subVariables(text: string): string[] {
  return subPieces(text).flatMap((piece) => ('placeholder' in piece ? [piece.placeholder] : []));
}
