/** One string of a value (a string leaf or a key) where it sits in a context's text. */
export interface Piece {
  /** Which string (its index in walk order). */
  readonly slot: number;
  readonly offset: number;
  readonly length: number;
  /** Where in the slot's string the piece begins (0 unless a part of it: a `Fn::Sub` string's literal text). */
  readonly from?: number;
}

/** Strings of a value written together as a reader (or CloudFormation) sees them together, and where each one sits. */
export interface Context {
  readonly text: string;
  readonly pieces: readonly Piece[];
}
