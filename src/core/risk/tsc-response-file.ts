/**
 * The arguments of a tsc response file (`tsc @build.rsp`), split as TypeScript's command line
 * parser does (`parseResponseFile` in typescript/lib/_tsc.js, 5.x): runs of characters above
 * space (code 32) are arguments; one starting with `"` runs to the next `"`, which is dropped (no
 * escapes); an unterminated `"` is an error for tsc, and is taken to the end here. Each argument
 * may name another response file (`@more.rsp`), as tsc reads them too. Linear; pure.
 */
export function responseFileArguments(text: string): string[] {
  const args: string[] = [];
  let at = 0;
  while (at < text.length) {
    while (at < text.length && text.charCodeAt(at) <= 32) at += 1;
    if (at >= text.length) break;
    const start = at;
    if (text[at] === '"') {
      const close = text.indexOf('"', at + 1);
      const end = close < 0 ? text.length : close;
      args.push(text.slice(start + 1, end));
      at = end + 1;
    } else {
      while (at < text.length && text.charCodeAt(at) > 32) at += 1;
      args.push(text.slice(start, at));
    }
  }
  return args;
}
