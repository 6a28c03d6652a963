import { httpStatusOf } from './http-status.js';

/**
 * Whether GitHub refused a contents API read because the file is over the API's 1 MB: a 403 whose
 * body names the error code `too_large` ("This API returns blobs up to 1 MB in size. The requested
 * blob is too large to fetch via the API, but you can use the Git Data API to request blobs up to
 * 100 MB in size.", `errors: [{ resource: "Blob", field: "data", code: "too_large" }]`; GitHub Docs,
 * "REST API endpoints for repository contents": files over 1 MB need the raw or object media type).
 * Any other 403 (a missing permission, a rate limit) is not this. Reads at most 20 error entries.
 */
export function isTooLargeForContents(error: unknown): boolean {
  if (httpStatusOf(error) !== 403 || typeof error !== 'object' || error === null) return false;
  const data = (error as { response?: { data?: unknown } }).response?.data;
  const errors =
    typeof data === 'object' && data !== null ? (data as { errors?: unknown }).errors : undefined;
  if (!Array.isArray(errors)) return false;
  return errors
    .slice(0, 20)
    .some(
      (entry) =>
        typeof entry === 'object' && entry !== null && (entry as { code?: unknown }).code === 'too_large',
    );
}
