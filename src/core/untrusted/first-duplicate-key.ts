import { isMap, isNode, isScalar, visit, type Document } from 'yaml';

/**
 * Where the first mapping key that repeats an earlier key of the same mapping starts (a UTF-16
 * offset into the source), or undefined when every mapping's keys are unique. Keys are compared as
 * the property names they become (`1` and `"1"` are one name), since a repeat would silently
 * replace a value. One set per mapping, so linear in the keys: the YAML library's own
 * `uniqueKeys` check compares each key with every earlier one, and a 64 KB mapping of 7,000 keys
 * took a second (a 1 MB template, minutes). YAML 1.2.2 §3.2.1.1: mapping keys are unique.
 */
export function firstDuplicateKey(document: Document.Parsed): number | undefined {
  let found: number | undefined;
  visit(document, {
    Map(_, map) {
      if (!isMap(map)) return undefined;
      const names = new Set<string>();
      for (const { key } of map.items) {
        // A collection key becomes its YAML text as a property name, as the library's `toJS` does.
        const name = isScalar(key) ? String(key.value) : String(key ?? '');
        if (names.has(name)) {
          found = (isNode(key) ? key.range?.[0] : undefined) ?? map.range?.[0] ?? 0;
          return visit.BREAK;
        }
        names.add(name);
      }
      return undefined;
    },
  });
  return found;
}
