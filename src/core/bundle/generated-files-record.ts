import { serviceFolderOf } from './retired-files.js';

/**
 * The commit trailer naming one file a generation wrote in a service folder
 * (`Generated-File: services/<slug>/…`). A generation commit lists every such file it wrote, so the
 * next generation knows exactly what the agent produced: the commit's tree also holds files people
 * added to the folder, which nothing else tells apart (issue #11).
 */
export const GENERATED_FILE_TRAILER = 'Generated-File';
/** Most files one record lists; a larger generation records none, and the next one retires nothing. */
export const MAX_RECORDED_FILES = 5_000;
/** Longest path a record lists (git allows longer; a longer one makes the record absent, not partial). */
export const MAX_RECORDED_PATH = 1_024;
/** Longest commit message read for a record: 5,000 paths of 1,024 characters plus the message. */
const MAX_READ_MESSAGE =
  MAX_RECORDED_FILES * (MAX_RECORDED_PATH + GENERATED_FILE_TRAILER.length + 3) + 65_536;

/** A git trailer line (`Key: value`), as git's trailer block holds them. */
const TRAILER_LINE = /^[A-Za-z0-9-]+: /;

/**
 * `message` with the service-folder files among `generated` (sorted) as `Generated-File` trailers,
 * added to the message's last paragraph when that is already a trailer block (the CLI's
 * `Implementation-Task` one; git reads trailers from the last paragraph only), else as a new last
 * paragraph. No service-folder file, more than `MAX_RECORDED_FILES`, or a path a trailer line cannot
 * hold (a control character, longer than `MAX_RECORDED_PATH`): `message` unchanged, so the next
 * generation finds no record and retires nothing. Pure.
 */
export function withGeneratedFilesRecord(message: string, generated: readonly string[]): string {
  const paths = [...new Set(generated.filter((path) => serviceFolderOf(path) !== undefined))].sort();
  if (paths.length === 0 || paths.length > MAX_RECORDED_FILES) return message;
  // eslint-disable-next-line no-control-regex
  if (paths.some((path) => path.length > MAX_RECORDED_PATH || /[\u0000-\u001f\u007f]/.test(path)))
    return message;
  const lines = paths.map((path) => `${GENERATED_FILE_TRAILER}: ${path}`).join('\n');
  const trimmed = message.replace(/\s+$/, '');
  const last = trimmed.split(/\n[ \t]*\n/).pop() ?? '';
  const trailerBlock = trimmed.includes('\n') && last.split('\n').every((line) => TRAILER_LINE.test(line));
  return `${trimmed}${trailerBlock ? '\n' : '\n\n'}${lines}`;
}

/**
 * The files a generation commit's `message` records it wrote (`withGeneratedFilesRecord`), in the
 * order listed; undefined when it records none (a generation from before records, a person's
 * commit, a message past the size a record reaches): the caller then retires nothing. Only the
 * last paragraph counts, so a title or request text quoting a trailer adds nothing. Pure.
 */
export function generatedFilesOf(message: string): string[] | undefined {
  if (message.length > MAX_READ_MESSAGE) return undefined;
  const last =
    message
      .replace(/\s+$/, '')
      .split(/\n[ \t]*\n/)
      .pop() ?? '';
  const prefix = `${GENERATED_FILE_TRAILER}: `;
  const paths = last
    .split('\n')
    .filter((line) => line.startsWith(prefix))
    .map((line) => line.slice(prefix.length))
    .filter((path) => serviceFolderOf(path) !== undefined);
  return paths.length === 0 || paths.length > MAX_RECORDED_FILES ? undefined : paths;
}
