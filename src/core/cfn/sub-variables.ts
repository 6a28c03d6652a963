/**
 * The `${Name}` and `${Resource.Attribute}` placeholders of an `Fn::Sub` string, in order.
 * `${!Literal}` is CloudFormation's escape for a literal `${Literal}`, so it is not a placeholder.
 */
export function subVariables(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(/\$\{([^}]*)\}/g)) {
    const name = match[1] ?? '';
    if (!name.startsWith('!')) names.push(name.trim());
  }
  return names;
}
