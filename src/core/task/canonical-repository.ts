/**
 * A GitHub repository's identity as every task id, record and store key spells it: `owner/repo`
 * in lower case. GitHub compares owner and repository names without regard to case (a repository
 * renamed from `Acme/Shop` to `acme/shop` is the same repository, and its API answers to either
 * spelling), while DynamoDB keys and S3 keys are case-sensitive: one spelling keeps one task's
 * records under one key before and after a case-only rename. The one place that spelling is made
 * (`taskIdOf`, `canonicalTaskId`, `store-keys.ts`, the deploy lock's key). Only ASCII letters
 * are lowered: GitHub's names are ASCII (`[A-Za-z0-9._-]`), and full Unicode lower-casing can
 * change a string's length (`İ` → `i̇`), which would shift every cut measured on it. Pure.
 */
export function canonicalRepository(repository: string): string {
  return repository.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}
