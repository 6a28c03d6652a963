/** Objects read from `git cat-file --batch` output, by object id, or why the output cannot be trusted. */
export type ParsedBlobs = { readonly blobs: ReadonlyMap<string, Uint8Array> } | { readonly refusal: string };

/**
 * The blobs in `git cat-file --batch` output for `objects` asked in that order: each answer is a
 * header `<object> SP <type> SP <size> LF`, then `<size>` bytes and an LF (git-cat-file(1), "BATCH
 * OUTPUT"); an object git lacks answers `<object> SP missing LF`. Every object must come back, in
 * order, as a `blob`, with its bytes whole: anything else (missing, another type, an answer for
 * another object, output cut short or longer than asked) is a refusal naming the object, one
 * sentence without a full stop. Pure; never throws.
 */
export function parseCatFileBatch(output: Uint8Array, objects: readonly string[]): ParsedBlobs {
  const blobs = new Map<string, Uint8Array>();
  let offset = 0;
  for (const object of objects) {
    const end = output.indexOf(0x0a, offset);
    if (end < 0) return { refusal: `git gave no answer for object ${object}` };
    const header = new TextDecoder().decode(output.subarray(offset, end)).split(' ');
    if (header[0] !== object || header[1] !== 'blob' || header.length !== 3)
      return {
        refusal: `git could not read object ${object} as a file (${header.slice(1).join(' ') || 'no answer'})`,
      };
    const size = Number(header[2]);
    const start = end + 1;
    if (
      !Number.isSafeInteger(size) ||
      size < 0 ||
      start + size >= output.length ||
      output[start + size] !== 0x0a
    )
      return { refusal: `git's answer for object ${object} is cut short` };
    blobs.set(object, output.slice(start, start + size));
    offset = start + size + 1;
  }
  if (offset !== output.length) return { refusal: 'git answered more than the objects asked for' };
  return { blobs };
}
