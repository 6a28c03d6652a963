/** One mention of an EventBridge bus in a sentence or story: which bus, which way, and the types it carries. */
export interface BusMention {
  /** The bus by name (`orders` of `the orders EventBridge bus`); `default` when the words name none. */
  readonly name: string;
  /** `from the orders bus`, `listen to the orders bus`: consumed; `publish … on the fulfilment bus`: published. */
  readonly direction: 'consume' | 'publish';
  /** The request's event type names that belong to this mention (`OrderPlaced` of `Consume OrderPlaced events from …`). */
  readonly types: readonly string[];
}

/** The buses a request reads from and writes to, each by the first name it gives. */
export interface EventBuses {
  /** The bus an EventBridge rule reads: its events are queued for the consumer (parameter SourceEventBusName). */
  readonly source?: { readonly name: string; readonly types: readonly string[] };
  /** The bus the consumer puts events on (parameter EventBusName). */
  readonly target?: string;
  /** Mentions of other buses than those two, which nothing generated reads or writes: said in the coverage. */
  readonly others: readonly BusMention[];
  /** The types named beside a bus they are published on. */
  readonly published: readonly string[];
}

/** Verbs by which a text takes events off a bus (`Consume OrderPlaced events`, `listen to the orders bus`). */
const CONSUME_VERBS = new Set([
  'consume',
  'consumes',
  'consumed',
  'consuming',
  'listen',
  'listens',
  'listening',
  'subscribe',
  'subscribes',
  'subscribed',
  'subscribing',
  'receive',
  'receives',
  'received',
  'receiving',
  'read',
  'reads',
  'ingest',
  'ingests',
  'pull',
  'pulls',
  'react',
  'reacts',
]);
/** Verbs by which a text puts events on a bus (`publish a FulfilmentRequested event on …`). */
const PUBLISH_VERBS = new Set([
  'publish',
  'publishes',
  'published',
  'publishing',
  'emit',
  'emits',
  'emitted',
  'put',
  'puts',
  'write',
  'writes',
  'writing',
  'deliver',
  'delivers',
  'send',
  'sends',
  'forward',
  'forwards',
  'forwarded',
  'post',
  'posts',
  'raise',
  'raises',
  'push',
  'pushes',
  'fire',
  'fires',
  'become',
  'becomes',
]);
const EVENT_WORDS = new Set(['event', 'events', 'eventbridge']);
/** Words before `the <name> bus` that make it a bus something is put on or taken from. */
const PREPOSITIONS = new Set(['on', 'onto', 'to', 'into', 'from']);
/** Words standing where a bus's name would that are no name (`the same bus`, `our event bus`). */
const NOT_BUS_NAMES = new Set([
  'the',
  'a',
  'an',
  'our',
  'their',
  'its',
  'to',
  'on',
  'onto',
  'into',
  'from',
  'domain',
  'same',
  'shared',
  'main',
  'one',
  'another',
  'other',
]);

/** `EventBridge` and the like are products, never an event type a bus carries. */
type TypeFilter = (name: string) => boolean;

/**
 * The bus mentions of one text (its lowercased words and PascalCase names): `the orders event bus`,
 * `the logistics EventBridge bus`, or, in a text about events, `on/from the fulfilment bus`. A mention
 * after `from`, or after a consuming verb (`listen to`, `subscribe to`), is consumed; any other is
 * published on. Each type named belongs to the nearest mention after it (`Consume OrderPlaced events
 * from the orders bus`), else the nearest before it.
 */
export function busMentions(
  text: { readonly words: readonly string[]; readonly names: readonly string[] },
  isType: TypeFilter,
): BusMention[] {
  const { words } = text;
  const aboutEvents = words.some((word) => EVENT_WORDS.has(word));
  const found = words.flatMap((word, index) => {
    if (word !== 'bus') return [];
    const before = words[index - 1] ?? '';
    const typed = before === 'event' || before === 'eventbridge';
    const nameAt = typed ? index - 2 : index - 1;
    const name = words[nameAt];
    const articled = words[nameAt - 1] === 'the' && PREPOSITIONS.has(words[nameAt - 2] ?? '');
    if (!typed && !(aboutEvents && articled && name !== undefined && !NOT_BUS_NAMES.has(name))) return [];
    const start = words[nameAt - 1] === 'the' ? nameAt - 1 : nameAt;
    return [
      {
        index,
        name: name === undefined || NOT_BUS_NAMES.has(name) ? 'default' : name,
        direction: directionAt(words, start),
      },
    ];
  });
  if (found.length === 0) return [];
  const types = new Map(found.map((mention) => [mention, [] as string[]]));
  for (const name of text.names.filter(isType)) {
    const at = words.indexOf(name.toLowerCase());
    const mention =
      found.find((candidate) => candidate.index > at) ??
      [...found].reverse().find((candidate) => candidate.index < at);
    if (mention !== undefined) types.get(mention)?.push(name);
  }
  return found.map((mention) => ({
    name: mention.name,
    direction: mention.direction,
    types: types.get(mention) ?? [],
  }));
}

/** A story's persona (`As the warehouse I receive …`): what it receives the service publishes. */
const PERSONA = new Set(['i', 'we']);

/** Consume when the word before the bus's article is `from` or the nearest verb before it takes events; else publish. */
function directionAt(words: readonly string[], start: number): BusMention['direction'] {
  if (words[start - 1] === 'from') return 'consume';
  for (let index = start - 1; index >= 0; index -= 1) {
    const word = words[index] ?? '';
    if (CONSUME_VERBS.has(word)) return PERSONA.has(words[index - 1] ?? '') ? 'publish' : 'consume';
    if (PUBLISH_VERBS.has(word)) return 'publish';
  }
  return 'publish';
}

/**
 * The request's buses from all its mentions: the first consumed bus is the source, the first
 * published-on bus the target; a bus named both ways is both. Mentions of further buses are kept
 * in `others` so the coverage says nothing reads or writes them.
 */
export function eventBusesOf(mentions: readonly BusMention[]): EventBuses {
  const sourceName = mentions.find((mention) => mention.direction === 'consume')?.name;
  const target = mentions.find((mention) => mention.direction === 'publish')?.name;
  const ofSource = mentions.filter(
    (mention) => mention.direction === 'consume' && mention.name === sourceName,
  );
  return {
    ...(sourceName === undefined
      ? {}
      : {
          source: {
            name: sourceName,
            types: [...new Set(ofSource.flatMap((mention) => mention.types))],
          },
        }),
    ...(target === undefined ? {} : { target }),
    others: mentions.filter(
      (mention) => mention.name !== (mention.direction === 'consume' ? sourceName : target),
    ),
    published: [
      ...new Set(
        mentions.filter((mention) => mention.direction === 'publish').flatMap((mention) => mention.types),
      ),
    ],
  };
}
