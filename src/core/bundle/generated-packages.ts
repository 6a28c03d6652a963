/**
 * Every npm package the agent's offline blueprints (`src/generation/offline/`) write into a
 * generated service's `package.json`, with the exact version range written: the one list the
 * blueprints take their dependencies from (`generatedPackages`) and the risk classifier accepts
 * without a lockfile (`packageManifestRisks`), so an unmodified generated service stays low and any
 * other package (or range) is judged.
 */
export const GENERATED_PACKAGES = {
  // Every project's tooling (`projectFiles`): build, lint, test and typecheck.
  '@eslint/js': '^10.0.0',
  '@types/jest': '^30.0.0',
  '@types/node': '^22.0.0',
  esbuild: '^0.28.0',
  eslint: '^10.0.0',
  jest: '^30.0.0',
  'ts-jest': '^29.4.0',
  typescript: '~5.9.0',
  'typescript-eslint': '^8.0.0',
  // Tests that read the CloudFormation template (`READ_TEMPLATE_DEV_DEPENDENCIES`).
  yaml: '^2.8.0',
  // The AWS SDK v3 clients the Lambda code calls (bundled by esbuild except `@aws-sdk/*`).
  '@aws-sdk/client-cloudformation': '^3.600.0',
  '@aws-sdk/client-codedeploy': '^3.600.0',
  '@aws-sdk/client-dynamodb': '^3.600.0',
  '@aws-sdk/client-eventbridge': '^3.600.0',
  '@aws-sdk/client-lambda': '^3.600.0',
  '@aws-sdk/client-secrets-manager': '^3.600.0',
  '@aws-sdk/client-sns': '^3.600.0',
  '@aws-sdk/client-sqs': '^3.600.0',
  '@aws-sdk/lib-dynamodb': '^3.600.0',
} as const;

/** A package of `GENERATED_PACKAGES`. */
export type GeneratedPackage = keyof typeof GENERATED_PACKAGES;

/** `names` with their ranges from `GENERATED_PACKAGES`, as a `package.json` dependencies object. */
export function generatedPackages(...names: readonly GeneratedPackage[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, GENERATED_PACKAGES[name]]));
}

/** Whether `name` at `spec` is exactly what a blueprint writes (`GENERATED_PACKAGES`). */
export function isGeneratedPackage(name: string, spec: unknown): boolean {
  return Object.hasOwn(GENERATED_PACKAGES, name) && GENERATED_PACKAGES[name as GeneratedPackage] === spec;
}
