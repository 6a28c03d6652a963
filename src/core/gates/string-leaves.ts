/** A string inside parsed JSON or YAML, with where it is (`Resources.Hook.Properties.Url`, `[2]`). */
export interface StringLeaf {
  readonly where: string;
  /** `name: value` when the string is a property's value, so name-based patterns still apply. */
  readonly text: string;
}

/** Every string value in a parsed document, depth first, in document order. */
export function stringLeaves(value: unknown): StringLeaf[] {
  const leaves: StringLeaf[] = [];
  const visit = (node: unknown, where: string, name: string | undefined): void => {
    if (typeof node === 'string') {
      leaves.push({
        where: where === '' ? '(document)' : where,
        text: name === undefined ? node : `${name}: ${node}`,
      });
    } else if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, `${where}[${index}]`, undefined));
    } else if (node !== null && typeof node === 'object') {
      for (const [key, item] of Object.entries(node))
        visit(item, where === '' ? key : `${where}.${key}`, key);
    }
  };
  visit(value, '', undefined);
  return leaves;
}
