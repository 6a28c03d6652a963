/**
 * The files a revision may show the model, within the gates' limits (config `limits`: files,
 * bytes per file, bytes in all), so a review on a huge file or a pull request of many cannot make
 * one prompt unbounded. Files are taken in the order given (the files inline comments name first),
 * UTF-8 bytes counted; a file over a limit is withheld and named, and the model may not change it.
 */
export function boundRevisionFiles(params: {
  files: ReadonlyMap<string, string>;
  maxFiles: number;
  maxFileBytes: number;
  maxTotalBytes: number;
}): { shown: Map<string, string>; withheld: string[] } {
  const shown = new Map<string, string>();
  const withheld: string[] = [];
  let total = 0;
  for (const [path, text] of params.files) {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (
      shown.size >= params.maxFiles ||
      bytes > params.maxFileBytes ||
      total + bytes > params.maxTotalBytes
    ) {
      withheld.push(path);
      continue;
    }
    shown.set(path, text);
    total += bytes;
  }
  return { shown, withheld };
}
