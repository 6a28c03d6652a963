import { zipFiles, type ZipEntry } from './zip-directory.js';

/** The first bytes of a zip archive (a local file header, `PK\3\4`; a JAR is one too). */
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

/** Whether `bytes` start as a zip archive does. */
export function isZipArchive(bytes: Uint8Array): boolean {
  return ZIP_SIGNATURE.every((byte, index) => bytes[index] === byte);
}

/**
 * One file as a zip holding it under its own name (`file.name`, no folder), as `aws cloudformation
 * package` zips a single file that Lambda must read as an archive (its `FORCE_ZIP`: the file copied
 * into a folder of its own, and the folder zipped). Deflate with a fixed time, so the same file
 * gives the same bytes (`zipFiles`).
 */
export function zipSingleFile(file: ZipEntry): Uint8Array {
  return zipFiles([file]);
}
