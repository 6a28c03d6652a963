import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export const SRC = path.resolve(import.meta.dirname, '../../src');
/** Where the deploy workflow's run starts (`mode: deploy`: deployments, and `/cancel`, `/unlock`). */
export const DEPLOY_ENTRY = path.join(SRC, 'entry/action/main-deploy.ts');

/** Whether an import or export statement brings in values (not only types), and from where. */
function valueSpecifier(statement: ts.Statement): string | undefined {
  if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
    const clause = statement.importClause;
    if (clause?.isTypeOnly) return undefined;
    const bindings = clause?.namedBindings;
    const onlyTypes =
      clause !== undefined &&
      clause.name === undefined &&
      bindings !== undefined &&
      ts.isNamedImports(bindings) &&
      bindings.elements.length > 0 &&
      bindings.elements.every((element) => element.isTypeOnly);
    return onlyTypes ? undefined : statement.moduleSpecifier.text;
  }
  if (
    ts.isExportDeclaration(statement) &&
    !statement.isTypeOnly &&
    statement.moduleSpecifier !== undefined &&
    ts.isStringLiteral(statement.moduleSpecifier)
  )
    return statement.moduleSpecifier.text;
  return undefined;
}

const parsed = new Map<string, ts.SourceFile>();
export function sourceOf(file: string): ts.SourceFile {
  let source = parsed.get(file);
  if (source === undefined) {
    source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022);
    parsed.set(file, source);
  }
  return source;
}

/**
 * Every source file the entry point loads at run time: its value imports, followed through the
 * project's own modules (`./x.js` is `./x.ts`). Type-only imports load nothing and are skipped.
 * Throws on a relative import it cannot resolve, so the walk never silently stops short.
 */
export function filesLoadedFrom(entry: string): string[] {
  const seen = new Set<string>();
  const pending = [entry];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const statement of sourceOf(file).statements) {
      const specifier = valueSpecifier(statement);
      if (specifier === undefined || !specifier.startsWith('.')) continue;
      const target = path.resolve(path.dirname(file), specifier.replace(/\.js$/, '.ts'));
      if (!existsSync(target)) throw new Error(`${path.relative(SRC, file)} imports ${specifier}: not found`);
      pending.push(target);
    }
  }
  return [...seen].sort();
}

export interface SdkImport {
  readonly file: string;
  readonly packageName: string;
  /** `PutObjectCommand`, or `Upload` from `@aws-sdk/lib-storage`. */
  readonly name: string;
}

/** The AWS SDK commands (and lib-storage's `Upload`) each file imports as values. */
export function sdkImportsOf(files: readonly string[]): SdkImport[] {
  return files.flatMap((file) =>
    sourceOf(file).statements.flatMap((statement) => {
      if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) return [];
      const packageName = statement.moduleSpecifier.text;
      const clause = statement.importClause;
      if (!packageName.startsWith('@aws-sdk/') || !clause || clause.isTypeOnly) return [];
      const bindings = clause.namedBindings;
      if (!bindings || !ts.isNamedImports(bindings)) return [];
      return bindings.elements
        .filter((element) => !element.isTypeOnly)
        .map((element) => (element.propertyName ?? element.name).text)
        .filter(
          (name) => /Command$/.test(name) || (packageName === '@aws-sdk/lib-storage' && name === 'Upload'),
        )
        .map((name) => ({ file: path.relative(SRC, file), packageName, name }));
    }),
  );
}
