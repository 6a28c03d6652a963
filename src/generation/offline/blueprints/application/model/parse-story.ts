import type { StoryIntent } from '../../../naming/story-intent.js';
import { callerField } from './caller-field.js';
import { joinedPrefix } from './joined-prefix.js';
import { listAsides } from './list-asides.js';
import { listQualifierWords } from './list-qualifier-words.js';
import { doneTo, postParticiple } from './list-participle.js';
import { markedState } from './marked-state.js';
import { namedFilter } from './named-filter.js';
import { negatedParticiple } from './negated-participle.js';
import { negatedState } from './negated-state.js';
import { parentPhrase } from './parent-phrase.js';
import type { ParsedStory } from './parsed-story.js';
import { readObject } from './read-object.js';
import { readQualifiers } from './read-qualifiers.js';
import { RECIPIENT_VERBS } from './recipient-move.js';
import { stateBeforeNoun } from './state-before-noun.js';
import { stateModifier } from './state-modifier.js';
import { CONNECTORS } from './story-connectors.js';
import { statusMovePhrase } from './status-move-phrase.js';
import { storyRestriction } from './story-restriction.js';
import { PHRASAL_VERBS, verbKind } from './verb-kind.js';
import type { VerbKind } from './verb-kind.js';

/**
 * Reads one story's action words (`place an order with one or more items`) as an operation on a
 * resource: its verb and kind, the object's noun, owner and attribute, the fields it names, the
 * statuses it is refused from, a list's filters, and the words that shaped nothing.
 */
export function parseStory(intent: StoryIntent): ParsedStory {
  const words = joinedPrefix(intent.actionWords);
  // `start work on a ticket`, `close out an order`: a move of the object, not a `work` to create.
  const move = statusMovePhrase(words);
  const phrasal = move === undefined ? PHRASAL_VERBS[`${words[0] ?? ''} ${words[1] ?? ''}`] : move.action;
  const verb = phrasal === undefined ? (words[0] ?? 'handle') : (phrasal ?? words[0] ?? 'handle');
  const afterVerb = words.slice(move?.length ?? (phrasal === undefined ? 1 : 2));
  const baseKind = move === undefined ? verbKind(verb) : 'transition';
  // `pay for an order`: a verb with no object of its own acts on what follows `for`.
  const objectAfterFor = baseKind === 'transition' && afterVerb[0] === 'for' && phrasal === undefined;
  const reads = baseKind === 'read' || baseKind === 'list';
  // `list orders placed this week`, `sorted by total`: asides no route answers, not the object.
  const asides = reads ? listAsides(objectAfterFor ? afterVerb.slice(1) : afterVerb) : undefined;
  const rest = asides?.kept ?? (objectAfterFor ? afterVerb.slice(1) : afterVerb);
  const end = rest.findIndex((word) => CONNECTORS.has(word));
  // `list tickets assigned to me`, `list orders shipped to a customer`: the participle after the noun
  // qualifies it (the action done to the items), it is not the noun.
  const listed = end === -1 ? rest : rest.slice(0, end);
  const after = reads ? postParticiple(listed) : undefined;
  const phrase = after === undefined ? listed : listed.slice(0, -1);
  // Something sent to the role (`I am alerted when…`) names no resource to act on.
  const object =
    phrasal === null || intent.receives === true
      ? { collective: false, plural: false, ownerIsSelf: false }
      : readObject(phrase, baseKind === 'list');
  const tail = end === -1 || intent.receives === true ? [] : rest.slice(end);
  // `mark a ticket in progress`: a transition to the named state, unless an attribute is set (`set a ticket's priority to high`).
  const marked =
    object.attribute === undefined && object.possessed === undefined && object.owner === undefined
      ? markedState(verb, tail)
      : undefined;
  // `comment on a ticket`, `add a note to an order`: made under a parent, which must exist.
  const parent =
    marked === undefined && intent.receives !== true
      ? parentPhrase({
          verb,
          creates: baseKind === 'create',
          hasObject: object.noun !== undefined,
          qualifiers: tail,
        })
      : undefined;
  const used = marked?.used ?? parent?.used ?? 0;
  // `for`/`by` name an owner only when reading (`list orders for a customer`), not a reason (`cancel orders for fraud`).
  const kind: VerbKind =
    marked !== undefined
      ? 'transition'
      : parent !== undefined
        ? 'create'
        : baseKind === 'read' && (object.plural || object.collective)
          ? 'list'
          : baseKind;
  const listing = kind === 'list';
  const qualifiers = readQualifiers(tail.slice(used), {
    ownersAllowed: baseKind === 'read' || baseKind === 'list',
    listing,
    doneTo: listing && after !== undefined,
    ...(kind === 'transition' && RECIPIENT_VERBS.has(verb) ? { recipientField: callerField(verb) } : {}),
  });
  const done =
    listing && after !== undefined
      ? doneTo(after, { ...qualifiers, timed: asides?.time !== undefined })
      : undefined;
  const negated = listing ? negatedParticiple(phrase) : undefined;
  const named = listing ? namedFilter(phrase) : undefined;
  // `delete a closed ticket`, `reopen a resolved ticket`, `mark an approved claim as paid`: the item
  // must be in that state (the model keeps a move's state only when it is one of the resource's statuses).
  const onlyIn =
    (baseKind === 'delete' || kind === 'transition') && object.noun !== undefined
      ? stateBeforeNoun(phrase)
      : undefined;
  // `void an unpaid invoice`: refused once the invoice is paid.
  const notIn =
    onlyIn === undefined && kind === 'transition' && marked === undefined && object.noun !== undefined
      ? negatedState(phrase)
      : undefined;
  const selfOwned = object.ownerIsSelf || done?.ownerIsSelf === true;
  const owner = object.owner ?? qualifiers.owner ?? (selfOwned ? (intent.role.at(-1) ?? 'owner') : undefined);
  // `list open tickets`, `list orders that are paid`, `list orders shipped today`: the items in one status.
  const stateFilter = listing
    ? (stateModifier(phrase) ?? qualifiers.states[0] ?? done?.stateFilter)
    : undefined;
  const filterBy = qualifiers.filterBy ?? named?.field ?? done?.filterBy;
  const filterValue = qualifiers.filterBy === undefined ? named?.value : qualifiers.filterValue;
  // `list urgent tickets`, `list recent orders`: a qualifier no filter answers is said, not dropped.
  const state = listing ? stateModifier(phrase) : undefined;
  const qualifiersOfList = listing
    ? listQualifierWords(phrase, [...(named?.words ?? []), ...(state === undefined ? [] : [state])])
    : [];
  return {
    intent,
    kind,
    verb: marked?.action ?? verb,
    ...(marked === undefined
      ? move?.state === undefined
        ? {}
        : { state: move.state }
      : { state: marked.status }),
    ...(object.noun === undefined
      ? parent?.noun === undefined
        ? {}
        : { noun: parent.noun }
      : { noun: object.noun }),
    ...(parent === undefined ? {} : { parent: parent.parent }),
    collective: object.collective,
    ...(object.collection === undefined ? {} : { collection: object.collection }),
    ...(owner === undefined ? {} : { owner }),
    ...(object.attribute === undefined ? {} : { attribute: object.attribute }),
    ...(object.possessed === undefined ? {} : { possessed: object.possessed }),
    ...(object.portion === undefined ? {} : { portion: object.portion }),
    fields: qualifiers.fields,
    refusedFrom: notIn === undefined ? qualifiers.refusedFrom : [...qualifiers.refusedFrom, notIn],
    unused: [
      ...qualifiersOfList,
      ...(asides?.doing === undefined ? [] : [asides.doing]),
      ...qualifiers.unused,
      ...(done?.unused ?? []),
    ],
    ...(asides?.others === undefined ? {} : { otherValues: asides.others }),
    ownerIsSelf: selfOwned && object.owner === undefined && qualifiers.owner === undefined,
    ...(objectAfterFor ? { objectAfterFor } : {}),
    ...(onlyIn === undefined ? {} : { onlyIn }),
    ...(qualifiers.toCaller && done === undefined ? { toCaller: true } : {}),
    ...(stateFilter === undefined ? {} : { stateFilter }),
    ...(filterBy === undefined ? {} : { filterBy }),
    ...(filterValue === undefined ? {} : { filterValue }),
    ...(done?.callerFilter === undefined ? {} : { callerFilter: done.callerFilter }),
    ...(done?.ownGroup === undefined ? {} : { ownGroup: done.ownGroup }),
    ...(listing && asides?.time !== undefined ? { time: asides.time } : {}),
    ...(listing && asides?.sort !== undefined ? { sort: asides.sort } : {}),
    ...(listing && asides?.range !== undefined ? { timeRange: asides.range } : {}),
    ...(negated === undefined ? {} : { negated }),
    restriction: storyRestriction(intent),
  };
}
