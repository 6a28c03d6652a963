import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { DEPLOY_ROLE_OPERATIONS } from '../../../src/aws/iam/deploy-role-operations.js';
import { iamActionOf } from '../../support/iam-action-of.js';

const SRC = path.resolve(import.meta.dirname, '../../../src');
/**
 * Generation calls Bedrock under the implement workflow's own role, never the deploy role. Deploy
 * runs move their task in the task tables and keep their records in the deployments bucket (issue
 * #10), so those stores are on the deploy path; the artifacts bucket and the lifecycle events are
 * written by the implement side only.
 */
const OUTSIDE_THE_DEPLOY_PATH = [
  path.join(SRC, 'generation'),
  path.join(SRC, 'aws/s3/s3-artifact-store.ts'),
  path.join(SRC, 'aws/eventbridge/eventbridge-publisher.ts'),
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (OUTSIDE_THE_DEPLOY_PATH.includes(full)) return [];
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every command class imported for its value (not as a type) from an AWS SDK package, by file. */
function importedCommands(): Array<{ file: string; packageName: string; commandName: string }> {
  return sourceFiles(SRC).flatMap((file) => {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022);
    return source.statements.flatMap((statement) => {
      if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) return [];
      const packageName = statement.moduleSpecifier.text;
      const clause = statement.importClause;
      if (!packageName.startsWith('@aws-sdk/') || !clause || clause.isTypeOnly) return [];
      const bindings = clause.namedBindings;
      if (!bindings || !ts.isNamedImports(bindings)) return [];
      return bindings.elements
        .filter(
          (element) => !element.isTypeOnly && /Command$/.test((element.propertyName ?? element.name).text),
        )
        .map((element) => ({
          file: path.relative(SRC, file),
          packageName,
          commandName: (element.propertyName ?? element.name).text,
        }));
    });
  });
}

const listed = new Set<string>(DEPLOY_ROLE_OPERATIONS.map((operation) => operation.action));

describe('the one list of AWS operations the deploy path calls', () => {
  const commands = importedCommands();

  it('finds the commands the code sends (the scan itself works)', () => {
    expect(commands).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ commandName: 'ListStackResourcesCommand' }),
        expect.objectContaining({ commandName: 'GetDeploymentCommand' }),
        expect.objectContaining({ packageName: '@aws-sdk/lib-dynamodb', commandName: 'PutCommand' }),
      ]),
    );
  });

  it('lists every AWS operation the code outside generation can send', () => {
    const missing = commands
      .map((command) => ({ ...command, action: iamActionOf(command) }))
      .filter((command) => !listed.has(command.action))
      .map((command) => `${command.action} (${command.commandName} in ${command.file})`);
    expect(missing).toEqual([]);
  });

  it('lists nothing the code never sends, so the role grants no more than it uses', () => {
    const sent = new Set(commands.map(iamActionOf));
    expect([...listed].filter((action) => !sent.has(action))).toEqual([]);
  });

  it('lists each action once per scope', () => {
    const pairs = new Set(
      DEPLOY_ROLE_OPERATIONS.map((operation) => `${operation.action} ${operation.scope}`),
    );
    expect(pairs.size).toBe(DEPLOY_ROLE_OPERATIONS.length);
  });

  it('grants the task tables and the deployments bucket what deploy runs now call on them', () => {
    const scoped = (scope: string) =>
      DEPLOY_ROLE_OPERATIONS.filter((operation) => operation.scope === scope).map(
        (operation) => operation.action,
      );
    expect(scoped('task-tables').sort()).toEqual(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query']);
    expect(scoped('deployments-bucket').sort()).toEqual(['s3:GetObject', 's3:PutObject']);
  });
});
