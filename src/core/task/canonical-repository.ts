/**
 * A GitHub repository's identity as every task id, record and store key spells it: `owner/repo`
 * in lower case. GitHub compares owner and repository names without regard to case (a repository
 * renamed from `Acme/Shop` to `acme/shop` is the same repository, and its API answers to either
 * spelling), while DynamoDB keys and S3 keys are case-sensitive: one spelling keeps one task's
 * records under one key before and after a case-only rename. The one place that spelling is made
 * (`taskIdOf`, `canonicalTaskId`, `store-keys.ts`, the deploy lock's key). Pure.
 */
export function canonicalRepository(repository: string): string {
  return repository.toLowerCase();
}
