/**
 * Device names Windows opens instead of a file, whatever the case, with or without an extension, spaces
 * or a stream after them (`con`, `NUL.txt`, `aux .md`, `COM1:x`). The list is Microsoft's ("Naming Files,
 * Paths, and Namespaces": CON, PRN, AUX, NUL, COM0–9, LPT0–9 and the superscript ¹ ² ³ forms) plus
 * `CONIN$` and `CONOUT$`, which Git for Windows also refuses (`is_valid_win32_path` in compat/mingw.c).
 */
const RESERVED = /^(?:con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³]) *(?:[.:]|$)/iu;

/** Whether Windows would treat this path segment as a device rather than a file. */
export function isWindowsReservedName(segment: string): boolean {
  return RESERVED.test(segment);
}
