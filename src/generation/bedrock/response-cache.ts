/**
 * Where answers to identical model requests are kept, so a re-run (retry, re-delivered webhook)
 * costs nothing. Values are opaque strings; a store may be memory, a file or a bucket.
 */
export interface ResponseCache {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
}
