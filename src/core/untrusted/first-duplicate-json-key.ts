import { jsonStringEnd } from './json-string-end.js';

/**
 * Where the first key that repeats an earlier key of the same JSON object starts (the UTF-16 offset
 * of its opening quote), or undefined when every object's keys are unique. Keys are compared once
 * decoded (`"a"` and `"\u0061"` are one key). RFC 8259 §4: names "SHOULD be unique", and when they
 * are not "the behavior of software that receives such an object is unpredictable": `JSON.parse`
 * keeps the last, another parser (CloudFormation's, a service's) may keep the first. A scan of
 * strings and brackets only, linear in the text, so it also reads a text with `${…}` parts; a text
 * that is not JSON at all simply finds none.
 */
export function firstDuplicateJsonKey(text: string): number | undefined {
  const stack: { keys: Set<string> | undefined; expectKey: boolean }[] = [];
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    const top = stack[stack.length - 1];
    if (char === '{') stack.push({ keys: new Set(), expectKey: true });
    else if (char === '[') stack.push({ keys: undefined, expectKey: false });
    else if (char === '}' || char === ']') stack.pop();
    else if (char === ',' && top?.keys !== undefined) top.expectKey = true;
    else if (char === ':' && top !== undefined) top.expectKey = false;
    else if (char === '"') {
      const end = jsonStringEnd(text, index);
      if (top?.keys !== undefined && top.expectKey) {
        const key = decode(text.slice(index, end));
        if (top.keys.has(key)) return index;
        top.keys.add(key);
      }
      // The loop steps past the closing quote.
      index = end - 1;
    }
  }
  return undefined;
}

/** A string token's value: its text between the quotes unless it has escapes to decode. */
function decode(token: string): string {
  if (!token.includes('\\')) return token.slice(1, -1);
  try {
    return String(JSON.parse(token));
  } catch {
    return token;
  }
}
