import { statSync } from 'node:fs';
import { extname } from 'node:path';
import type { AgentConfig } from '../../core/config/agent-config.js';
import { codeDestination } from '../../core/deploy/code-package-plan.js';
import type { S3Api } from '../../aws/s3/s3-api.js';
import { uploadByContentHash } from '../../aws/s3/upload-by-content-hash.js';
import { buildService } from '../../packaging/build-service.js';
import { pathInsideCheckout } from '../../packaging/path-inside-checkout.js';
import type { CommandRunner } from '../../packaging/command-runner.js';
import {
  gitDirectoryRefusal,
  listTrackedFiles,
  type TrackedFile,
} from '../../packaging/list-tracked-files.js';
import { createGitBlobReader, type BlobReader } from '../../packaging/read-blobs.js';
import { zipDirectory, zipFiles, type ZipEntry } from '../../packaging/zip-directory.js';
import { isZipArchive, zipSingleFile } from '../../packaging/zip-single-file.js';

/** Code a template of the deploy needs uploaded (`NestedTemplateSources.packageCode`). */
export interface CodeRequest {
  /** What needs it, opening a refusal: "`nested/api.yaml` has Lambda code in the repository". */
  readonly what: string;
  /** The template needing it: its folder names the key prefix (`codeDestination`). */
  readonly templatePath: string;
  /** Repository path (`/`-separated) of a folder to build, or of a folder or file to upload as it is. */
  readonly path: string;
  /** Build the folder as a generated service (`buildService`, its `dist/` zipped); else zip it as it is. */
  readonly build: boolean;
  /**
   * A file (not a folder) is uploaded `as-is` (a definition, a schema: keeping its extension), or
   * as a `zip`: uploaded as it is when it is one, else zipped alone (Lambda code and layers, which
   * Lambda reads only as a zip: `PackageableProperty.file`).
   */
  readonly file: 'zip' | 'as-is';
  /**
   * Set for an `AWS::Include` snippet: the path must be a file, a folder is refused (not zipped),
   * as `aws cloudformation package` refuses it (AWS CLI `artifact_exporter`,
   * `include_transform_export_handler`: `InvalidLocalPathError` for anything not a local file).
   */
  readonly fileOnly?: boolean;
}

export type CodeUpload = { readonly bucket: string; readonly key: string } | { readonly refusal: string };

/**
 * Uploads code of the checkout by content hash, as `aws cloudformation package` does: a folder
 * built as a generated service (`build`), or a folder zipped as it is, or a file as `file` says (a
 * zip as it is, another file zipped alone or kept as it is, with its extension), to the code
 * bucket (`codeDestination`). The checkout (GITHUB_WORKSPACE) must be at the deployed
 * sha (`git rev-parse HEAD`) and the path inside it, by its text and its real path
 * (`pathInsideCheckout`: no symlink out of it), and never in `.git` (`gitDirectoryRefusal`).
 * Only files committed at the sha are packaged, listed by git (`listTrackedFiles`) and their bytes
 * read from git's objects at the sha (`readBlobs`, one `git cat-file --batch`; the real one when
 * absent), executable bits kept: never the checkout's `.git`, files earlier steps wrote there, or
 * committed files an earlier step rewrote. A folder built keeps its build output (`dist/`), the
 * one thing read from disk, and only what the build wrote (`buildService`). Anything that stops it is a refusal, saying nothing was deployed; never throws.
 */
export async function uploadRepositoryCode(params: {
  request: CodeRequest;
  sha: string;
  environment: string;
  region: string;
  repository: string;
  config: AgentConfig;
  workspace: string | undefined;
  s3: S3Api;
  run: CommandRunner;
  readBlobs?: BlobReader;
  log: (line: string) => void;
}): Promise<CodeUpload> {
  const { request } = params;
  const destination = codeDestination({ ...params, templatePath: request.templatePath, what: request.what });
  if (destination.kind === 'refuse') return { refusal: destination.message };
  const checkout = await checkoutRefusal(params);
  if (checkout !== undefined) return { refusal: checkout };
  const gitDirectory = gitDirectoryRefusal(request.path);
  if (gitDirectory !== undefined) return { refusal: `${gitDirectory}. Nothing was deployed.` };
  // Inside by its text and by its real path: a committed symlink may lead anywhere on the runner.
  const inside = pathInsideCheckout(params.workspace ?? '', request.path);
  if ('refusal' in inside) return { refusal: `${inside.refusal}. Nothing was deployed.` };
  const target = inside.path;
  try {
    const listed = request.build
      ? undefined
      : await listTrackedFiles({
          checkout: params.workspace ?? '',
          sha: params.sha,
          repositoryPath: request.path,
          run: params.run,
        });
    if (listed !== undefined && 'refusal' in listed)
      return { refusal: `${listed.refusal}. Nothing was deployed.` };
    if (
      request.fileOnly === true &&
      (listed === undefined ? statSync(target).isDirectory() : listed.kind === 'folder')
    )
      return {
        refusal: `${request.what}, but ${request.path} is a folder: it must name one file, as \`aws cloudformation package\` requires. Nothing was deployed.`,
      };
    if (listed === undefined) {
      const dist = await buildService({ dir: target, run: params.run, log: params.log });
      return await upload({ ...params, body: zipDirectory(dist) }, destination);
    }
    const files = listed.kind === 'folder' ? listed.files : [listed.file];
    const read = await committedBytes(files, params);
    if ('refusal' in read) return { refusal: `${read.refusal}. Nothing was deployed.` };
    const [single] = read.entries;
    const artifact =
      listed.kind === 'file' && single !== undefined
        ? fileArtifact(single, request.file)
        : { body: zipFiles(read.entries) };
    return await upload({ ...params, ...artifact }, destination);
  } catch (error) {
    return {
      refusal: `The code of ${request.path} could not be packaged: ${error instanceof Error ? error.message : String(error)} Nothing was deployed.`,
    };
  }
}

/** The files' bytes as committed (their blobs, `readBlobs`), as zip entries under their names. */
async function committedBytes(
  files: readonly TrackedFile[],
  params: { workspace: string | undefined; readBlobs?: BlobReader },
): Promise<{ readonly entries: ZipEntry[] } | { readonly refusal: string }> {
  const readBlobs = params.readBlobs ?? createGitBlobReader();
  const read = await readBlobs({ cwd: params.workspace ?? '', objects: files.map((file) => file.object) });
  if ('refusal' in read) return read;
  const entries: ZipEntry[] = [];
  for (const file of files) {
    const bytes = read.blobs.get(file.object);
    if (bytes === undefined) return { refusal: `git gave no bytes for ${file.name}` };
    entries.push({ name: file.name, bytes, executable: file.executable });
  }
  return { entries };
}

/** Uploads one artifact by content hash to the code bucket and logs where it is. */
async function upload(
  params: {
    request: CodeRequest;
    s3: S3Api;
    log: (line: string) => void;
    body: Uint8Array;
    extension?: string;
    contentType?: string;
  },
  destination: { bucket: string; keyPrefix: string },
): Promise<CodeUpload> {
  const { request, s3, log, body, extension, contentType } = params;
  const uploaded = await uploadByContentHash({
    s3,
    bucket: destination.bucket,
    keyPrefix: destination.keyPrefix,
    body,
    ...(extension === undefined ? {} : { extension }),
    ...(contentType === undefined ? {} : { contentType }),
  });
  log(
    `Code of ${request.path} ${uploaded.uploaded ? 'uploaded to' : 'already at'} s3://${uploaded.bucket}/${uploaded.key}`,
  );
  if (uploaded.warning !== undefined) log(`::warning::${uploaded.warning}`);
  return { bucket: uploaded.bucket, key: uploaded.key };
}

/**
 * A file's upload: a zip as it is (`.zip`); under `zip`, another file zipped alone; under `as-is`,
 * its bytes with its own extension (letters and digits only, else none) and a generic content type.
 */
function fileArtifact(
  file: ZipEntry,
  form: CodeRequest['file'],
): { body: Uint8Array; extension?: string; contentType?: string } {
  const { bytes } = file;
  if (isZipArchive(bytes)) return { body: bytes };
  if (form === 'zip') return { body: zipSingleFile(file) };
  const extension = extname(file.name);
  return {
    body: bytes,
    extension: /^\.[A-Za-z0-9]{1,16}$/.test(extension) ? extension : '',
    contentType: 'application/octet-stream',
  };
}

/**
 * Why the checkout cannot give the deployed sha's code: no checkout (GITHUB_WORKSPACE), no git
 * repository there (fails closed: files are listed by git), or one at another commit; undefined
 * when it is at `sha`.
 */
export async function checkoutRefusal(params: {
  workspace: string | undefined;
  sha: string;
  run: CommandRunner;
}): Promise<string | undefined> {
  const { workspace } = params;
  if (workspace === undefined || workspace === '')
    return 'This deploy needs Lambda code built from the repository, and this run has no checkout (GITHUB_WORKSPACE): add actions/checkout before the deploy step. Nothing was deployed.';
  const head = await params.run('git', ['rev-parse', 'HEAD'], { cwd: workspace });
  // Files are packaged only as git lists them at the sha (`listTrackedFiles`): no repository, no code.
  if (head.code !== 0)
    return `The checkout (GITHUB_WORKSPACE) is not a git repository at a commit (git rev-parse HEAD failed), so the files of the deployed ${params.sha.slice(0, 7)} cannot be listed and packaged. Nothing was deployed.`;
  if (head.output.trim() !== params.sha)
    return `The checkout is at ${head.output.trim().slice(0, 7) || 'no commit'}, not the deployed ${params.sha.slice(0, 7)}, so its code cannot be packaged for this deployment. Nothing was deployed.`;
  return undefined;
}
