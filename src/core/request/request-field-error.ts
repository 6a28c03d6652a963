/** One thing wrong with a request, said so that the requester can fix it without reading the code. */
export interface RequestFieldError {
  /** Dotted path into the payload (`execution_request.task_type`), or where the raw input came from. */
  readonly field: string;
  /** What is wrong, with the received value when it is short and safe to show. */
  readonly message: string;
  /** How to fix it: the allowed values, or an example. */
  readonly fix: string;
}
