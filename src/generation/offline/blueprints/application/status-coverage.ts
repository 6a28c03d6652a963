import type { TestEvidence } from '../../../../core/bundle/requirement-coverage.js';
import type { Capability } from '../../coverage/capability.js';
import type { DescriptionSentence } from '../../naming/description-sentences.js';
import { withArticle } from '../../naming/article.js';
import { lifecycleTitle, statusesTitle } from './application-test-titles.js';
import { listedStatuses } from './model/listed-statuses.js';
import type { ResourceModel } from './model/resource-model-types.js';

/** Statuses a request lists end like these (`paid`, `shipped`, `written`, `sent`), or are these. */
const STATUS_SHAPE = /(?:ed|en|id|nt)$/;
const STATUS_NAMES = new Set([
  'open',
  'new',
  'draft',
  'pending',
  'active',
  'done',
  'lost',
  'won',
  'sold',
  'due',
]);

/**
 * One capability per status a resource's routes reach (`placed`: POST /orders creates it; `paid`:
 * POST /orders/{id}/pay), cited by the test that walks every route's status; and one per status the
 * description lists among them that no route reaches (`delivered` with no deliver story), said as not
 * generated. A description lists statuses when one of its sentences names two of the model's statuses
 * as clauses of their own (`placed, paid, shipped, delivered, cancelled`), or lists the resource's
 * lifecycle (`Holds are waiting, ready or collected.`, listed-statuses.ts).
 */
export function statusCapabilities(params: {
  model: ResourceModel;
  sentences: readonly DescriptionSentence[];
  test: (file: 'app', title: string) => TestEvidence;
}): Capability[] {
  const { model, test } = params;
  return model.resources.flatMap((resource) => {
    const machine = resource.status;
    if (machine === undefined) return [];
    const one = withArticle(resource.name);
    const create = model.operations.find(
      (operation) => operation.resource === resource.name && operation.kind === 'create',
    );
    const reached = new Map<string, string>([
      [machine.initial, `${create?.routeKey ?? 'the create route'} makes ${one} ${machine.initial}`],
    ]);
    for (const transition of machine.transitions) {
      const route = model.operations.find(
        (operation) => operation.resource === resource.name && operation.action === transition.action,
      );
      const said = `${route?.routeKey ?? transition.action} makes ${one} ${transition.to}`;
      reached.set(
        transition.to,
        reached.has(transition.to) ? `${reached.get(transition.to) ?? ''}; ${said}` : said,
      );
    }
    const tests = [test('app', statusesTitle(resource)), test('app', lifecycleTitle(resource, model))];
    const asStatus = (status: string) => [[status], ...(status.includes('_') ? [status.split('_')] : [])];
    const listed = params.sentences.flatMap((sentence) => {
      const single = sentence.clauses
        .flatMap((clause) => listItems(clause.words))
        .filter((words) => words.length > 0 && words.length <= 2)
        .map((words) => words.join('_'));
      if (single.filter((status) => reached.has(status)).length < 2) return [];
      return single.filter(
        (status) => !reached.has(status) && (STATUS_SHAPE.test(status) || STATUS_NAMES.has(status)),
      );
    });
    // `Holds are waiting, ready or collected.`: the lifecycle the description lists, however its clauses split.
    const lifecycle = listedStatuses(params.sentences, resource.name).filter(
      (status) => !reached.has(status),
    );
    return [
      ...[...reached].map(([status, implementedBy]) => ({
        when: asStatus(status),
        implementedBy,
        tests: machine.transitions.length > 0 ? tests : [tests[1]].filter((entry) => entry !== undefined),
        resources: ['ApiFunction', 'ItemsTable'],
      })),
      ...[...new Set([...listed, ...lifecycle])].map((status) => ({
        when: asStatus(status),
        implementedBy: '',
        tests: [],
        resources: [],
        notGenerated: `no route makes ${one} ${status.replace(/_/g, ' ')}: no story moves it there (add one, such as "As a … I can mark ${one} as ${status.replace(/_/g, ' ')}")`,
      })),
    ];
  });
}

/** A list's last items share a clause (`delivered or cancelled`): the clause's words split at `or`, `and`. */
function listItems(words: readonly string[]): string[][] {
  return words.reduce<string[][]>(
    (items, word) =>
      word === 'or' || word === 'and'
        ? [...items, []]
        : [...items.slice(0, -1), [...(items.at(-1) ?? []), word]],
    [[]],
  );
}
