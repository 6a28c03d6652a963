/** CloudFormation logical IDs (resources, parameters, outputs) are ASCII letters and digits only. */
export function isLogicalId(id: string): boolean {
  return /^[A-Za-z0-9]+$/.test(id);
}

export function logicalIdProblem(id: string): string {
  return `logical ID "${id}" must contain only letters A-Z, a-z and digits 0-9`;
}

/** LanguageExtensions' `Fn::ForEach::Name` entries expand into resources at deploy time; they are not IDs themselves. */
export function isForEachKey(id: string): boolean {
  return id.startsWith('Fn::ForEach::');
}
