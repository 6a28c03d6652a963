/** Limits are in bytes as written to git and sent to CloudFormation, not UTF-16 code units. */
export function utf8ByteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
