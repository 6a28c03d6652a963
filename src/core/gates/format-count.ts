/** `200,001`: counts and byte sizes as findings show them to people. */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}
