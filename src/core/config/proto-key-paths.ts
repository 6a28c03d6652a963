type KeyPath = (string | number)[];

/**
 * Where a parsed document holds an own key named `__proto__`, as key paths in document order
 * (`['environments', '__proto__']`). JSON.parse and the YAML reader keep such a key as data, but
 * assigning it to a plain object replaces the object's prototype instead, so schema validation
 * drops it without a word; the config reports it instead. Walks without recursion and visits only
 * own properties; the value is already bounded in depth and count by the parser.
 */
export function protoKeyPaths(value: unknown): KeyPath[] {
  const found: KeyPath[] = [];
  const pending: { value: unknown; path: KeyPath }[] = [{ value, path: [] }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value: current, path } = next;
    if (typeof current !== 'object' || current === null) continue;
    if (!Array.isArray(current) && Object.hasOwn(current, '__proto__')) found.push([...path, '__proto__']);
    const children: [string | number, unknown][] = Array.isArray(current)
      ? current.map((item, index) => [index, item])
      : Object.entries(current);
    // Last child first onto the stack, so the first child is visited first.
    for (const [key, child] of children.reverse()) pending.push({ value: child, path: [...path, key] });
  }
  return found;
}
