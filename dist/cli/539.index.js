export const id = 539;
export const ids = [539];
export const modules = {

/***/ 6539:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  mirrorStoresForConfig: () => (/* binding */ mirrorStoresForConfig)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-eventbridge/dist-cjs/index.js
var dist_cjs = __webpack_require__(6612);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var client_s3_dist_cjs = __webpack_require__(3711);
;// CONCATENATED MODULE: ./lib/aws/create-aws-client.js
/** Who calls AWS, in every request's user agent (CloudTrail shows it beside the role). */
const AWS_USER_AGENT = 'implementation-agent';
/** Attempts per call, the first included: the SDK's standard retry mode, with backoff and jitter. */
const DEFAULT_MAX_ATTEMPTS = 3;
/**
 * A mirror's calls (DynamoDB, S3, EventBridge) answer in well under a second; these are long
 * enough for a slow network and short enough that a silent mirror costs a step about a minute with
 * the retries, never the task (issue #10: a mirror failure never fails the task).
 */
const MIRROR_TIMEOUTS = { connectionMs: 5_000, socketMs: 20_000 };
/**
 * The one place AWS SDK clients are made (STYLE §4): region, endpoint, credentials, user agent,
 * retries and (when given) timeouts set the same way for every service. `extra` carries a service's own settings (S3's
 * `forcePathStyle`, a test's `requestHandler`). The class is passed in, so a bundle holds only the
 * clients it uses.
 */
function createAwsClient(ClientClass, settings, extra) {
    const config = {
        region: settings.region,
        ...(settings.endpoint === undefined ? {} : { endpoint: settings.endpoint }),
        ...(settings.credentials === undefined ? {} : { credentials: settings.credentials }),
        customUserAgent: AWS_USER_AGENT,
        maxAttempts: settings.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
        retryMode: 'standard',
        ...(settings.timeouts === undefined
            ? {}
            : {
                requestHandler: {
                    connectionTimeout: settings.timeouts.connectionMs,
                    socketTimeout: settings.timeouts.socketMs,
                },
            }),
    };
    return new ClientClass({ ...config, ...(extra ?? {}) });
}
//# sourceMappingURL=create-aws-client.js.map
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-dynamodb/dist-cjs/index.js
var client_dynamodb_dist_cjs = __webpack_require__(4305);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/lib-dynamodb/dist-cjs/index.js
var lib_dynamodb_dist_cjs = __webpack_require__(8907);
;// CONCATENATED MODULE: ./lib/aws/dynamodb/create-dynamodb-client.js



/**
 * The document client every DynamoDB store uses, over a client from the one factory. Optional
 * fields of our records are often undefined; DynamoDB has no such value, so they are dropped.
 */
function createDocumentClient(settings) {
    return lib_dynamodb_dist_cjs/* DynamoDBDocumentClient */.TG.from(createAwsClient(client_dynamodb_dist_cjs.DynamoDBClient, settings), {
        marshallOptions: { removeUndefinedValues: true },
    });
}
//# sourceMappingURL=create-dynamodb-client.js.map
// EXTERNAL MODULE: ./lib/core/stores/task-event-store.js
var task_event_store = __webpack_require__(1564);
// EXTERNAL MODULE: ./lib/core/task/event-sort-key.js
var event_sort_key = __webpack_require__(5416);
// EXTERNAL MODULE: ./lib/core/task/parked-step.js
var parked_step = __webpack_require__(1363);
// EXTERNAL MODULE: ./lib/core/task/same-event.js + 1 modules
var same_event = __webpack_require__(1469);
// EXTERNAL MODULE: ./lib/core/task/task-event.js
var task_event = __webpack_require__(4569);
;// CONCATENATED MODULE: ./lib/aws/dynamodb/is-conditional-check-failure.js
/** DynamoDB refused a write because its condition did not hold (the item changed, or already exists). */
function isConditionalCheckFailure(error) {
    return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}
//# sourceMappingURL=is-conditional-check-failure.js.map
;// CONCATENATED MODULE: ./lib/aws/dynamodb/query-all-items.js

/**
 * Every item a DynamoDB `Query` matches, read page by page: a page stops at 1 MB of items and
 * names where the next begins in `LastEvaluatedKey` (Amazon DynamoDB Developer Guide, "Paginating
 * table query results"). `input` is the query without `ExclusiveStartKey`, which this sets.
 * Throws the SDK's error of the first page that fails; nothing is returned then.
 */
async function queryAllItems(client, input) {
    const items = [];
    let startKey;
    do {
        const page = await client.send(new lib_dynamodb_dist_cjs/* QueryCommand */.sf({ ...input, ...(startKey === undefined ? {} : { ExclusiveStartKey: startKey }) }));
        items.push(...(page.Items ?? []));
        startKey = page.LastEvaluatedKey;
    } while (startKey !== undefined);
    return items;
}
//# sourceMappingURL=query-all-items.js.map
// EXTERNAL MODULE: ./node_modules/zod/v4/core/errors.js
var errors = __webpack_require__(7428);
;// CONCATENATED MODULE: ./lib/aws/dynamodb/parse-item.js

/** An item read back from a table, checked against the schema of what our stores write (STYLE §5). */
function parseItem(params) {
    const parsed = params.schema.safeParse(params.item);
    if (!parsed.success) {
        throw new Error(`An item in table ${params.tableName} is not in the expected shape (was it written by something else?):\n${errors/* prettifyError */.S1(parsed.error)}`);
    }
    return parsed.data;
}
//# sourceMappingURL=parse-item.js.map
// EXTERNAL MODULE: ./lib/core/markdown/code-span.js + 2 modules
var code_span = __webpack_require__(7068);
;// CONCATENATED MODULE: ./lib/aws/cloudformation/describe-aws-error.js

const CREDENTIAL_ERRORS = new Set([
    'CredentialsProviderError',
    'ExpiredToken',
    'ExpiredTokenException',
    'InvalidClientTokenId',
    'UnrecognizedClientException',
    'SignatureDoesNotMatch',
    'InvalidSignatureException',
]);
const ACCESS_ERRORS = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation']);
/** Reads name and message off anything thrown, and adds advice for credential and permission failures. */
function describeAwsError(error) {
    const name = error instanceof Error ? error.name : 'Error';
    const message = error instanceof Error ? error.message : String(error);
    const advice = adviceFor({ name, message });
    return { name, message, ...(advice === undefined ? {} : { advice }) };
}
function adviceFor(params) {
    const { name, message } = params;
    if (CREDENTIAL_ERRORS.has(name)) {
        return 'The workflow has no valid AWS credentials: check that `aws-actions/configure-aws-credentials` runs before this step with the deploy role, and that the role trusts this repository through OIDC.';
    }
    if (ACCESS_ERRORS.has(name)) {
        // "... is not authorized to perform: cloudformation:CreateChangeSet on resource: ..."
        const action = /not authorized to perform:?\s*([\w-]+:[\w*-]+)/i.exec(message)?.[1];
        return action
            ? `The deploy role is missing permission for ${(0,code_span/* codeSpan */.S)(action)}: add it to the role's policy (\`infrastructure/deploy-role.yaml\` grants every action the deploy itself calls; what a template creates comes from \`TemplateResourcePolicyArns\`).`
            : "The deploy role lacks a permission this deploy needs; the message above names it. Add it to the role's policy (see `infrastructure/deploy-role.yaml`).";
    }
    if (/TerminationProtection is enabled/i.test(message)) {
        return 'The stack has termination protection; turn it off (`aws cloudformation update-termination-protection --no-enable-termination-protection`) before it can be deleted.';
    }
    return undefined;
}
//# sourceMappingURL=describe-aws-error.js.map
;// CONCATENATED MODULE: ./lib/aws/dynamodb/table-error.js

/**
 * A store's failure, said once with what it was doing, the table, AWS's message and a fix when
 * one is known (a missing table names the definition to create it from).
 */
function tableError(params) {
    const { action, tableName, definition, error } = params;
    const { name, message, advice } = describeAwsError(error);
    const fix = name === 'ResourceNotFoundException'
        ? `Create the table (see ${definition}, or infrastructure/) or correct its name under mirrors in .github/implementation-agent.yml.`
        : advice;
    return new Error(`Could not ${action} (table ${tableName}): ${name}: ${message}${fix === undefined ? '' : ` ${fix}`}`, {
        cause: error,
    });
}
//# sourceMappingURL=table-error.js.map
;// CONCATENATED MODULE: ./lib/aws/dynamodb/task-table-definitions.js
/** `ImplementationTasks` (DESIGN §11): partition key `task_id`, one item per task. */
const TASKS_TABLE_KEY = 'task_id';
/** The tasks table's index on `repo` + `status`: one repository's tasks in one state. */
const TASKS_BY_STATUS_INDEX = 'repo-status-index';
/** `ImplementationResults` (DESIGN §11): partition key `task_id`, sort key `sk` = `step#timestamp#sequence`. */
const RESULTS_TABLE_SORT_KEY = 'sk';
/** The tasks table: on-demand billing (a few writes per task), the status index projecting whole records. */
function tasksTableDefinition(tableName) {
    return {
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
            { AttributeName: TASKS_TABLE_KEY, AttributeType: 'S' },
            { AttributeName: 'repo', AttributeType: 'S' },
            { AttributeName: 'status', AttributeType: 'S' },
        ],
        KeySchema: [{ AttributeName: TASKS_TABLE_KEY, KeyType: 'HASH' }],
        GlobalSecondaryIndexes: [
            {
                IndexName: TASKS_BY_STATUS_INDEX,
                KeySchema: [
                    { AttributeName: 'repo', KeyType: 'HASH' },
                    { AttributeName: 'status', KeyType: 'RANGE' },
                ],
                Projection: { ProjectionType: 'ALL' },
            },
        ],
    };
}
/** The results table: every event of every task, append-only. */
function resultsTableDefinition(tableName) {
    return {
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
            { AttributeName: TASKS_TABLE_KEY, AttributeType: 'S' },
            { AttributeName: RESULTS_TABLE_SORT_KEY, AttributeType: 'S' },
        ],
        KeySchema: [
            { AttributeName: TASKS_TABLE_KEY, KeyType: 'HASH' },
            { AttributeName: RESULTS_TABLE_SORT_KEY, KeyType: 'RANGE' },
        ],
    };
}
//# sourceMappingURL=task-table-definitions.js.map
;// CONCATENATED MODULE: ./lib/aws/dynamodb/dynamodb-task-event-store.js











/**
 * A task's events in `ImplementationResults` (DESIGN §11), append-only: each put is conditional on
 * its key being free, so nothing is overwritten; a replay of the same event is `already-present`.
 * Parked steps (`ParkedStep`) live beside the events under `parked#<id>`, a key no event's
 * (`eventSortKey`: a step name first) can take.
 */
function createDynamoDbTaskEventStore(params) {
    const { client, tableName } = params;
    const failure = (action, error) => tableError({ action, tableName, definition: 'resultsTableDefinition', error });
    const parse = (item) => {
        const { [RESULTS_TABLE_SORT_KEY]: _sortKey, ...event } = item;
        return parseItem({ item: event, schema: task_event/* taskEventSchema */.Hk, tableName });
    };
    const parkedKey = (step) => `${PARKED_PREFIX}${step.id}`;
    const isParked = (item) => String(item[RESULTS_TABLE_SORT_KEY]).startsWith(PARKED_PREFIX);
    return {
        async park(step) {
            const key = { [TASKS_TABLE_KEY]: step.event.task_id, [RESULTS_TABLE_SORT_KEY]: parkedKey(step) };
            try {
                await client.send(new lib_dynamodb_dist_cjs/* PutCommand */.Z$({
                    TableName: tableName,
                    Item: { ...key, parked: step },
                    ConditionExpression: 'attribute_not_exists(#sk)',
                    ExpressionAttributeNames: { '#sk': RESULTS_TABLE_SORT_KEY },
                }));
            }
            catch (error) {
                // The key is the step's own hash: what holds it is this very step, parked before.
                if (!isConditionalCheckFailure(error))
                    throw failure(`park a step of task ${step.event.task_id}`, error);
            }
        },
        async listParked(taskId) {
            try {
                const items = await queryAllItems(client, {
                    TableName: tableName,
                    KeyConditionExpression: '#id = :id AND begins_with(#sk, :parked)',
                    ExpressionAttributeNames: { '#id': TASKS_TABLE_KEY, '#sk': RESULTS_TABLE_SORT_KEY },
                    ExpressionAttributeValues: { ':id': taskId, ':parked': PARKED_PREFIX },
                    ConsistentRead: true,
                });
                return items.map((item) => parseItem({ item: item['parked'], schema: parked_step/* parkedStepSchema */.tM, tableName }));
            }
            catch (error) {
                throw failure(`list the parked steps of task ${taskId}`, error);
            }
        },
        async append(event) {
            const key = { [TASKS_TABLE_KEY]: event.task_id, [RESULTS_TABLE_SORT_KEY]: (0,event_sort_key/* eventSortKey */.U)(event) };
            try {
                await client.send(new lib_dynamodb_dist_cjs/* PutCommand */.Z$({
                    TableName: tableName,
                    Item: { ...event, ...key },
                    ConditionExpression: 'attribute_not_exists(#sk)',
                    ExpressionAttributeNames: { '#sk': RESULTS_TABLE_SORT_KEY },
                }));
                return 'appended';
            }
            catch (error) {
                if (!isConditionalCheckFailure(error))
                    throw failure(`append event ${key.sk} of task ${event.task_id}`, error);
            }
            const stored = await client
                .send(new lib_dynamodb_dist_cjs/* GetCommand */.s$({ TableName: tableName, Key: key, ConsistentRead: true }))
                .catch((error) => {
                throw failure(`read event ${key.sk} of task ${event.task_id}`, error);
            });
            if (stored.Item !== undefined && (0,same_event/* isSameEvent */.LP)(parse(stored.Item), event))
                return 'already-present';
            throw new task_event_store/* TaskEventConflictError */.c(event.task_id, event.sequence);
        },
        async list(taskId) {
            let events;
            try {
                const items = await queryAllItems(client, {
                    TableName: tableName,
                    KeyConditionExpression: '#id = :id',
                    ExpressionAttributeNames: { '#id': TASKS_TABLE_KEY },
                    ExpressionAttributeValues: { ':id': taskId },
                    ConsistentRead: true,
                });
                events = items.filter((item) => !isParked(item)).map(parse);
            }
            catch (error) {
                throw failure(`list the events of task ${taskId}`, error);
            }
            // The sort key orders by step first (DESIGN §11); a task's life reads in sequence order.
            return events.sort((a, b) => a.sequence - b.sequence);
        },
    };
}
/** The sort key prefix of parked steps: no step name (a task state or an event type) is `parked`. */
const PARKED_PREFIX = 'parked#';
//# sourceMappingURL=dynamodb-task-event-store.js.map
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./lib/core/stores/task-store.js
var task_store = __webpack_require__(1297);
// EXTERNAL MODULE: ./lib/core/task/task-record.js + 6 modules
var task_record = __webpack_require__(660);
// EXTERNAL MODULE: ./lib/core/stores/store-keys.js
var store_keys = __webpack_require__(1392);
// EXTERNAL MODULE: ./lib/core/request/is-record.js
var is_record = __webpack_require__(7951);
;// CONCATENATED MODULE: ./lib/aws/dynamodb/is-write-outcome-unknown.js

/**
 * Whether a failed DynamoDB write may still have been applied. No answer came back (the SDK's
 * retries ran out on a timeout or a reset connection: the error carries no HTTP status), or
 * DynamoDB answered 5xx, of which its guide says the request may or may not have succeeded
 * (Amazon DynamoDB Developer Guide, *Error handling with DynamoDB*). A 2xx that still failed is
 * an answer the SDK could not read (its "Deserialization error": a body cut short, a proxy's
 * page): DynamoDB said it applied the write, so it is read back too. A 4xx answer (a failed
 * condition, a validation error, throttling, a denied permission) means the write was not applied.
 */
function isWriteOutcomeUnknown(error) {
    const metadata = (0,is_record/* isRecord */.u)(error) ? error['$metadata'] : undefined;
    const status = (0,is_record/* isRecord */.u)(metadata) ? metadata['httpStatusCode'] : undefined;
    return typeof status !== 'number' || status < 300 || status >= 500;
}
//# sourceMappingURL=is-write-outcome-unknown.js.map
;// CONCATENATED MODULE: ./lib/aws/dynamodb/dynamodb-task-store.js











/** The attribute naming the put that wrote an item (see `createDynamoDbTaskStore`). */
const WRITE_ID = 'write_id';
/** The attribute naming the last puts an item descends from, its own last (see `createDynamoDbTaskStore`). */
const WRITE_IDS = 'write_ids';
/**
 * How many puts an item names in `write_ids`. A put whose answer was lost is read back at once:
 * another writer builds on it only after reading it, one put per read, far fewer than this in the
 * SDK's few seconds of retries.
 */
const MAX_WRITE_IDS = 8;
/** `status` and `version` are DynamoDB reserved words, so expressions name them through placeholders. */
const NAMES = {
    '#id': TASKS_TABLE_KEY,
    '#version': 'version',
    '#repo': 'repo',
    '#status': 'status',
    '#parked': 'parked_count',
};
/**
 * Task records in `ImplementationTasks` (DESIGN §11). A put is conditional on the version read
 * (`attribute_not_exists` for a new task), so two writers never overwrite each other silently:
 * the loser gets `TaskVersionConflictError`. Each put carries a fresh `write_id`: the SDK retries
 * a put whose answer was lost (a reset connection, a timeout, a 500) although DynamoDB applied it,
 * and the retry then fails its own condition, or the SDK gives up on the answer
 * (`isWriteOutcomeUnknown`); either is read back (strongly consistent) and a stored `write_id`
 * of this put means it landed, so the writer is not sent to
 * re-apply its change on top of itself (counted twice) or to spend its conflict retries on it.
 * Another writer may have built on the put before the read-back: each item also names the puts
 * it descends from (`write_ids`, the last `MAX_WRITE_IDS`; a put carries on the ids of the item
 * this store last read or wrote at the version it expects), so a put found among them landed.
 * Reads are strongly consistent; the status index is eventually consistent, as every DynamoDB
 * global secondary index is. `write_id` is the store's own; the record read back does not have it.
 * So is `parked_count` (`countParked`: an `ADD`, outside the version check): a put writes the
 * count this store read at the version it expects, on condition that it is still the stored one,
 * so a count added since fails the put as a conflict (the writer reads again and sees it), and no
 * put ever drops or lowers it.
 */
function createDynamoDbTaskStore(params) {
    const { client, tableName } = params;
    const failure = (action, error) => tableError({ action, tableName, definition: 'tasksTableDefinition', error });
    const parse = (item) => parseItem({ item, schema: task_record/* taskRecordSchema */.iz, tableName });
    /** Per task, the puts the item this store last read or wrote descends from, and its version. */
    const lineage = new Map();
    const remember = (taskId, item) => {
        const version = item?.['version'];
        const parked = item?.['parked_count'];
        if (typeof version === 'number')
            lineage.set(taskId, {
                version,
                ids: writeIdsOf(item),
                parked: typeof parked === 'number' ? parked : 0,
            });
        else
            lineage.delete(taskId);
    };
    /** Whether the item now stored is put `writeId`'s or descends from it (a put that landed, its answer lost). */
    const landed = async (taskId, writeId) => {
        try {
            const { Item } = await client.send(new lib_dynamodb_dist_cjs/* GetCommand */.s$({ TableName: tableName, Key: { [TASKS_TABLE_KEY]: taskId }, ConsistentRead: true }));
            return writeIdsOf(Item).includes(writeId);
        }
        catch (error) {
            throw failure(`read task ${taskId} back after a failed write`, error);
        }
    };
    return {
        async get(taskId) {
            try {
                const { Item } = await client.send(new lib_dynamodb_dist_cjs/* GetCommand */.s$({ TableName: tableName, Key: { [TASKS_TABLE_KEY]: taskId }, ConsistentRead: true }));
                remember(taskId, Item);
                return Item === undefined ? undefined : parse(Item);
            }
            catch (error) {
                throw failure(`read task ${taskId}`, error);
            }
        },
        async put(record, expectedVersion, options) {
            (0,task_store/* assertVersionMovesForward */.S)(record, expectedVersion, options);
            const known = lineage.get(record.task_id);
            const read = known?.version === expectedVersion ? known : undefined;
            // The count this store read at the version expected (0 when it read none): written back on
            // condition that it is still the stored one.
            const parked = read?.parked ?? 0;
            const condition = expectedVersion === 0
                ? {
                    ConditionExpression: 'attribute_not_exists(#id)',
                    ExpressionAttributeNames: { '#id': NAMES['#id'] },
                }
                : {
                    ConditionExpression: parked === 0
                        ? '#version = :expected AND attribute_not_exists(#parked)'
                        : '#version = :expected AND #parked = :parked',
                    ExpressionAttributeNames: { '#version': NAMES['#version'], '#parked': NAMES['#parked'] },
                    ExpressionAttributeValues: {
                        ':expected': expectedVersion,
                        ...(parked === 0 ? {} : { ':parked': parked }),
                    },
                };
            const writeId = (0,external_node_crypto_.randomUUID)();
            const ids = [...(read?.ids ?? []), writeId].slice(-MAX_WRITE_IDS);
            const { parked_count: _read, ...rest } = record;
            const item = {
                ...rest,
                ...(parked === 0 ? {} : { parked_count: parked }),
                [WRITE_ID]: writeId,
                [WRITE_IDS]: ids,
            };
            try {
                await client.send(new lib_dynamodb_dist_cjs/* PutCommand */.Z$({ TableName: tableName, Item: item, ...condition }));
                remember(record.task_id, item);
            }
            catch (error) {
                const conflict = isConditionalCheckFailure(error);
                if (!conflict && !isWriteOutcomeUnknown(error))
                    throw failure(`write task ${record.task_id}`, error);
                if (await landed(record.task_id, writeId)) {
                    remember(record.task_id, item);
                    return;
                }
                // An answer that never came for a put that did not land: the write failed, it is no conflict.
                if (!conflict)
                    throw failure(`write task ${record.task_id}`, error);
                throw new task_store/* TaskVersionConflictError */.M(record.task_id, expectedVersion);
            }
        },
        async countParked(taskId) {
            try {
                await client.send(new lib_dynamodb_dist_cjs/* UpdateCommand */.fR({
                    TableName: tableName,
                    Key: { [TASKS_TABLE_KEY]: taskId },
                    UpdateExpression: 'ADD #parked :one',
                    ConditionExpression: 'attribute_exists(#id)',
                    ExpressionAttributeNames: { '#parked': NAMES['#parked'], '#id': NAMES['#id'] },
                    ExpressionAttributeValues: { ':one': 1 },
                }));
            }
            catch (error) {
                // No record: nothing of the task is parked, and an ADD must not make a record of a count alone.
                if (isConditionalCheckFailure(error))
                    return;
                throw failure(`count a parked step of task ${taskId}`, error);
            }
        },
        async listByStatus({ repo, status }) {
            try {
                const items = await queryAllItems(client, {
                    TableName: tableName,
                    IndexName: TASKS_BY_STATUS_INDEX,
                    KeyConditionExpression: '#repo = :repo AND #status = :status',
                    ExpressionAttributeNames: { '#repo': NAMES['#repo'], '#status': NAMES['#status'] },
                    ExpressionAttributeValues: { ':repo': (0,store_keys/* keyRepository */.kX)(repo), ':status': status },
                });
                return items.map(parse);
            }
            catch (error) {
                throw failure(`list the ${status} tasks of ${repo}`, error);
            }
        },
    };
}
/** The puts an item names (`write_ids`, or only its `write_id` when written before the list was kept). */
function writeIdsOf(item) {
    const ids = item?.[WRITE_IDS];
    if (Array.isArray(ids))
        return ids.filter((id) => typeof id === 'string');
    const id = item?.[WRITE_ID];
    return typeof id === 'string' ? [id] : [];
}
//# sourceMappingURL=dynamodb-task-store.js.map
// EXTERNAL MODULE: ./lib/core/stores/lifecycle-publisher.js
var lifecycle_publisher = __webpack_require__(7703);
// EXTERNAL MODULE: ./lib/core/task/lifecycle-event.js
var lifecycle_event = __webpack_require__(7044);
// EXTERNAL MODULE: ./lib/core/task/lifecycle-event-id.js
var lifecycle_event_id = __webpack_require__(5040);
;// CONCATENATED MODULE: ./lib/aws/eventbridge/eventbridge-publisher.js




/** PutEvents takes at most 10 entries per call (EventBridge API reference, PutEvents). */
const MAX_ENTRIES_PER_CALL = 10;
/**
 * Lifecycle events to an EventBridge bus (`mirrors.event_bus`, a name or ARN): `source`
 * `implementation-agent`, one `detail-type` per milestone, `detail` the versioned JSON of
 * `LifecycleDetail` with its `event_id` (`lifecycleEventId`, the consumers' duplicate key), `time`
 * the step's own time. Throws `LifecyclePublishError` when a call fails
 * (after the client's retries: that batch and the later ones are unsent) or when EventBridge
 * refuses entries (`refusedEntries`: those entries are unsent), naming each error code.
 */
function createEventBridgePublisher(params) {
    return {
        async publish(events) {
            const unsent = [];
            const problems = [];
            for (let start = 0; start < events.length; start += MAX_ENTRIES_PER_CALL) {
                const batch = events.slice(start, start + MAX_ENTRIES_PER_CALL);
                let output;
                try {
                    output = await params.client.send(new dist_cjs/* PutEventsCommand */.yyL({ Entries: batch.map((event) => entryFor(event, params.busName)) }));
                }
                catch (error) {
                    // The call itself failed: this batch and every later one are unsent.
                    const reason = error instanceof Error ? error.message : String(error);
                    throw new lifecycle_publisher/* LifecyclePublishError */.M([...problems, `PutEvents on ${params.busName} failed: ${reason}`].join(' '), [...unsent, ...events.slice(start)]);
                }
                const failed = refusedEntries(batch, output);
                if (failed.length === 0)
                    continue;
                for (const { event } of failed)
                    unsent.push(event);
                const codes = failed.map(({ entry, event }) => `${event.detailType}: ${entry?.ErrorCode ?? 'no answer'} ${entry?.ErrorMessage ?? ''}`.trim());
                problems.push(`EventBridge refused ${failed.length} of ${batch.length} lifecycle event(s) on ${params.busName} (${codes.join('; ')}).`);
            }
            if (problems.length > 0)
                throw new lifecycle_publisher/* LifecyclePublishError */.M(problems.join(' '), unsent);
        },
    };
}
/**
 * The entries of `batch` the bus did not take. The answer's entries are in the order sent; one
 * with an `ErrorCode` was not put on the bus, one with an `EventId` was (EventBridge API
 * reference, PutEventsResultEntry). When `FailedEntryCount` says some failed, an entry the answer
 * does not account for with an `EventId` (a short or missing list) is counted unsent too: sent
 * again, a consumer drops it by `detail.sequence`; counted sent, it would be lost.
 */
function refusedEntries(batch, output) {
    const someFailed = (output.FailedEntryCount ?? 0) > 0;
    return batch
        .map((event, index) => ({ event, entry: output.Entries?.[index] }))
        .filter(({ entry }) => entry?.ErrorCode !== undefined || (someFailed && entry?.EventId === undefined));
}
function entryFor(event, busName) {
    return {
        EventBusName: busName,
        Source: lifecycle_event/* LIFECYCLE_EVENT_SOURCE */.QL,
        DetailType: event.detailType,
        Detail: JSON.stringify({ ...event.detail, event_id: (0,lifecycle_event_id/* lifecycleEventId */.A)(event) }),
        Time: new Date(event.detail.at),
    };
}
//# sourceMappingURL=eventbridge-publisher.js.map
// EXTERNAL MODULE: ./lib/core/stores/redact-artifact-body.js
var redact_artifact_body = __webpack_require__(2805);
// EXTERNAL MODULE: ./lib/core/stores/redact-artifact-path.js
var redact_artifact_path = __webpack_require__(8782);
// EXTERNAL MODULE: ./lib/core/stores/content-type-for.js
var content_type_for = __webpack_require__(9146);
// EXTERNAL MODULE: ./lib/core/stores/sha256-hex.js
var sha256_hex = __webpack_require__(4995);
;// CONCATENATED MODULE: ./lib/aws/s3/bucket-error.js

/**
 * A bucket store's failure, said once: what it was doing, where, AWS's message and a fix when known
 * (a refused read may be a missing key seen without `s3:ListBucket`).
 */
function bucketError(params) {
    const { action, bucket, key, error } = params;
    const { name, message, advice } = describeAwsError(error);
    const fix = name === 'NoSuchBucket'
        ? 'Create the bucket (infrastructure/) or correct its name under mirrors in .github/implementation-agent.yml.'
        : name === 'AccessDenied' && action.startsWith('read')
            ? `${advice ?? ''} Without s3:ListBucket on the bucket, S3 also answers 403 AccessDenied for a key that is not there (S3 API Reference, GetObject, "Permissions"): grant it on arn:aws:s3:::${bucket} (infrastructure/deploy-role.yaml does, with DeploymentsBucketName).`.trim()
            : advice;
    return new Error(`Could not ${action} s3://${bucket}/${key}: ${name}: ${message}${fix === undefined ? '' : ` ${fix}`}`, {
        cause: error,
    });
}
//# sourceMappingURL=bucket-error.js.map
// EXTERNAL MODULE: ./node_modules/@aws-sdk/lib-storage/dist-cjs/index.js
var lib_storage_dist_cjs = __webpack_require__(2358);
;// CONCATENATED MODULE: ./lib/aws/s3/put-s3-object.js



/** S3's smallest part but the last (5 MiB); above twice that, an upload goes in parts. */
const MIN_PART_BYTES = 5 * 1024 * 1024;
const DEFAULT_MULTIPART_THRESHOLD_BYTES = 16 * 1024 * 1024;
/**
 * Puts one object with its content type, its sha256 in metadata (`x-amz-meta-sha256`) and SSE-KMS
 * when a key is given. A single put also sends `ChecksumSHA256`, so S3 refuses bytes damaged on
 * the way; bodies over the threshold go through `Upload` in parts of at least 5 MiB (S3's
 * minimum, https://docs.aws.amazon.com/AmazonS3/latest/userguide/qfacts.html). Returns the hex sha256.
 */
async function putS3Object(params) {
    const sha256 = (0,sha256_hex/* sha256Hex */.f)(params.body);
    const input = {
        Bucket: params.bucket,
        Key: params.key,
        Body: params.body,
        ContentType: params.contentType,
        Metadata: { ...params.metadata, sha256 },
        ...(params.kmsKeyId === undefined
            ? {}
            : { ServerSideEncryption: 'aws:kms', SSEKMSKeyId: params.kmsKeyId }),
    };
    const threshold = Math.max(params.multipartThresholdBytes ?? DEFAULT_MULTIPART_THRESHOLD_BYTES, MIN_PART_BYTES);
    if (params.body.byteLength <= threshold) {
        await params.s3.send(new client_s3_dist_cjs.PutObjectCommand({ ...input, ChecksumSHA256: Buffer.from(sha256, 'hex').toString('base64') }));
    }
    else {
        await new lib_storage_dist_cjs/* Upload */._({ client: params.s3, params: input, partSize: MIN_PART_BYTES, queueSize: 2 }).done();
    }
    return sha256;
}
//# sourceMappingURL=put-s3-object.js.map
;// CONCATENATED MODULE: ./lib/aws/s3/read-s3-object.js

/** The object's bytes, content type and user metadata; `undefined` when there is no such key. */
async function readS3Object(params) {
    try {
        const answer = await params.s3.send(new client_s3_dist_cjs.GetObjectCommand({ Bucket: params.bucket, Key: params.key }));
        const body = answer.Body === undefined ? new Uint8Array() : await answer.Body.transformToByteArray();
        return {
            body,
            ...(answer.ContentType === undefined ? {} : { contentType: answer.ContentType }),
            metadata: answer.Metadata ?? {},
        };
    }
    catch (error) {
        if (isMissing(error))
            return undefined;
        throw error;
    }
}
function isMissing(error) {
    const status = error.$metadata?.httpStatusCode;
    return (error instanceof Error && (error.name === 'NoSuchKey' || error.name === 'NotFound' || status === 404));
}
//# sourceMappingURL=read-s3-object.js.map
;// CONCATENATED MODULE: ./lib/aws/s3/s3-artifact-store.js









/**
 * Artifacts in the artifacts bucket (DESIGN §11) at `<owner>/<repo>/<task>/<attempt>/<path>`, each
 * with its content type, its sha256 in metadata and SSE-KMS when a key is configured.
 */
function createS3ArtifactStore(params) {
    const { s3, bucket } = params;
    const failure = (action, key, error) => bucketError({ action, bucket, key, error });
    return {
        async put(artifact) {
            // Redacted here, at the port, so no caller can keep a secret by forgetting to redact first;
            // the body is scanned as the file its original path names (file-type rules).
            const storedPath = await (0,redact_artifact_path/* keyPathOf */.KP)(artifact);
            const key = (0,store_keys/* artifactKey */.Wf)({ ...artifact, path: storedPath });
            const body = await (0,redact_artifact_body/* redactArtifactBody */.G)(artifact.body, artifact.path);
            const contentType = artifact.contentType ?? (0,content_type_for/* contentTypeFor */.Z)(artifact.path);
            try {
                const sha256 = await putS3Object({
                    s3,
                    bucket,
                    key,
                    body,
                    contentType,
                    ...pathMetadata(key, storedPath),
                    ...(params.kmsKeyId === undefined ? {} : { kmsKeyId: params.kmsKeyId }),
                    ...(params.multipartThresholdBytes === undefined
                        ? {}
                        : { multipartThresholdBytes: params.multipartThresholdBytes }),
                });
                return {
                    ...refOf({ ...artifact, path: storedPath }),
                    key,
                    contentType,
                    sha256,
                    bytes: body.byteLength,
                };
            }
            catch (error) {
                throw failure('store the artifact at', key, error);
            }
        },
        async get(ref) {
            const storedPath = await (0,redact_artifact_path/* keyPathOf */.KP)(ref);
            const key = (0,store_keys/* artifactKey */.Wf)({ ...ref, path: storedPath });
            const read = await readS3Object({ s3, bucket, key }).catch((error) => {
                throw failure('read the artifact at', key, error);
            });
            if (read === undefined)
                return undefined;
            const sha256 = (0,sha256_hex/* sha256Hex */.f)(read.body);
            // Bytes that no longer match the hash written beside them are not what was stored.
            if (read.metadata['sha256'] !== sha256)
                return undefined;
            return {
                ...refOf({ ...ref, path: storedPath }),
                key,
                contentType: read.contentType ?? (0,content_type_for/* contentTypeFor */.Z)(ref.path),
                sha256,
                bytes: read.body.byteLength,
                body: read.body,
            };
        },
        async list(where) {
            const prefix = (0,store_keys/* artifactPrefix */.DS)(where);
            const artifacts = [];
            let token;
            try {
                do {
                    const page = await s3.send(new client_s3_dist_cjs.ListObjectsV2Command({
                        Bucket: bucket,
                        Prefix: prefix,
                        ...(token === undefined ? {} : { ContinuationToken: token }),
                    }));
                    for (const object of page.Contents ?? []) {
                        if (object.Key === undefined)
                            continue;
                        const head = await s3.send(new client_s3_dist_cjs.HeadObjectCommand({ Bucket: bucket, Key: object.Key }));
                        const rest = object.Key.slice(prefix.length).split('/');
                        const [attempt, ...path] = where.attempt === undefined ? rest : [String(where.attempt), ...rest];
                        artifacts.push({
                            repo: where.repo,
                            taskId: where.taskId,
                            attempt: Number(attempt),
                            path: pathOf(head.Metadata, path),
                            storedPath: true,
                            key: object.Key,
                            contentType: head.ContentType ?? 'application/octet-stream',
                            sha256: head.Metadata?.['sha256'] ?? '',
                            bytes: object.Size ?? 0,
                        });
                    }
                    token = page.IsTruncated ? page.NextContinuationToken : undefined;
                } while (token !== undefined);
            }
            catch (error) {
                throw failure('list artifacts under', prefix, error);
            }
            return artifacts.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
        },
    };
}
/**
 * S3 keeps at most 2 KB of user metadata, keys and values (AWS docs, "Working with object metadata"), `sha256`
 * taking 70 bytes of it; a longer path is left out and read back from the key, where its shortened part stays `~<hash>`.
 */
const MAX_PATH_METADATA_BYTES = 1900;
/**
 * A shortened key (`isShortenedKey`) no longer spells its path: the path goes beside it as base64url of its UTF-8
 * (metadata is ASCII; base64 is the shortest of those encodings: 4 bytes for 3).
 */
function pathMetadata(key, path) {
    const encoded = Buffer.from(path, 'utf8').toString('base64url');
    return (0,store_keys/* isShortenedKey */.i1)(key) && encoded.length <= MAX_PATH_METADATA_BYTES
        ? { metadata: { path: encoded } }
        : {};
}
function pathOf(metadata, keyPath) {
    const stored = metadata?.['path'];
    return stored === undefined
        ? keyPath.map(decodeURIComponent).join('/')
        : Buffer.from(stored, 'base64url').toString('utf8');
}
/** The ref of a stored artifact: its path is the stored one (`storedPath`). */
function refOf(ref) {
    return { repo: ref.repo, taskId: ref.taskId, attempt: ref.attempt, path: ref.path, storedPath: true };
}
//# sourceMappingURL=s3-artifact-store.js.map
// EXTERNAL MODULE: ./lib/core/stores/redact-deployment.js + 8 modules
var redact_deployment = __webpack_require__(2948);
// EXTERNAL MODULE: ./lib/core/stores/deployment-store.js
var deployment_store = __webpack_require__(8363);
;// CONCATENATED MODULE: ./lib/aws/s3/upload-by-content-hash.js



/**
 * Puts bytes at `<keyPrefix><sha256><extension>` (`.zip` unless told), skipping the upload when that key already exists: the key
 * names the content, so an existing object is this content (as `aws cloudformation package` does by
 * hash). The sha256 is also kept in the object's metadata for audits. Without `s3:ListBucket` on the
 * bucket S3 answers HEAD of a missing key with 403, not 404 (S3 API Reference, HeadObject,
 * "Permissions"), so a 403 says nothing about the key: the bytes are uploaded anyway (writing the
 * same content again changes nothing) and `warning` names the missing permission. Throws with AWS's
 * advice on failure (e.g. AccessDenied naming the bucket), saying when HEAD was refused too.
 */
async function uploadByContentHash(params) {
    const sha256 = (0,external_node_crypto_.createHash)('sha256').update(params.body).digest('hex');
    const key = `${params.keyPrefix}${sha256}${params.extension ?? '.zip'}`;
    let found = 'missing';
    try {
        found = await presence(params.s3, params.bucket, key);
        if (found === 'present')
            return { bucket: params.bucket, key, sha256, uploaded: false };
        await params.s3.send(new client_s3_dist_cjs.PutObjectCommand({
            Bucket: params.bucket,
            Key: key,
            Body: params.body,
            ContentType: params.contentType ?? 'application/zip',
            ChecksumSHA256: Buffer.from(sha256, 'hex').toString('base64'),
            Metadata: { sha256 },
            ...(params.kmsKeyId === undefined
                ? {}
                : { ServerSideEncryption: 'aws:kms', SSEKMSKeyId: params.kmsKeyId }),
        }));
        return {
            bucket: params.bucket,
            key,
            sha256,
            uploaded: true,
            ...(found === 'unknown' ? { warning: listBucketAdvice(params.bucket) } : {}),
        };
    }
    catch (error) {
        const described = describeAwsError(error);
        const advice = described.advice === undefined ? '' : ` ${described.advice}`;
        const head = found === 'unknown' ? ` ${listBucketAdvice(params.bucket)}` : '';
        throw new Error(`Uploading ${params.what ?? 'the code'} to s3://${params.bucket}/${key} failed: ${described.name}: ${described.message}.${advice}${head}`, {
            cause: error,
        });
    }
}
function listBucketAdvice(bucket) {
    return `S3 refused to say whether the code was already uploaded (HEAD answered 403 Forbidden): the role lacks s3:ListBucket on arn:aws:s3:::${bucket}, without which S3 answers 403 rather than 404 for a key that is not there, so every deploy uploads the code again. Grant it (infrastructure/deploy-role.yaml does, with CodeBucketName).`;
}
/** Whether the key exists: HEAD's 404 says missing; its 403 says nothing (`unknown`). */
async function presence(s3, bucket, key) {
    try {
        await s3.send(new client_s3_dist_cjs.HeadObjectCommand({ Bucket: bucket, Key: key }));
        return 'present';
    }
    catch (error) {
        const status = error.$metadata?.httpStatusCode;
        if (status === 404 || (error instanceof Error && error.name === 'NotFound'))
            return 'missing';
        if (status === 403)
            return 'unknown';
        throw error;
    }
}
//# sourceMappingURL=upload-by-content-hash.js.map
;// CONCATENATED MODULE: ./lib/aws/s3/s3-deployment-store.js









/**
 * Deployments in the deployments bucket (DESIGN §11):
 * `<owner>/<repo>/<env>/<deployment_id>/{template,parameters,outputs}.json`, plus `record.json`
 * (sha, stack, hashes) written last, so a load finds a record only once all it names is there.
 * Rollbacks on hosted runners read the exact template and parameters back from here.
 */
function createS3DeploymentStore(params) {
    const { s3, bucket } = params;
    const kms = params.kmsKeyId === undefined ? {} : { kmsKeyId: params.kmsKeyId };
    const json = (value) => Buffer.from(JSON.stringify(value, null, 2) + '\n', 'utf8');
    return {
        async save(given) {
            // Redacted here, at the port, so no caller can keep a secret by forgetting to redact first.
            const deployment = await (0,redact_deployment/* redactDeployment */.nO)(given);
            const prefix = (0,store_keys/* deploymentPrefix */.Ig)(deployment);
            const { template, ...rest } = deployment;
            const objects = [
                {
                    name: 'template.json',
                    body: Buffer.from(template, 'utf8'),
                    contentType: (0,content_type_for/* templateContentType */.g)(template),
                },
                { name: 'parameters.json', body: json(deployment.parameters), contentType: 'application/json' },
                { name: 'outputs.json', body: json(deployment.outputs), contentType: 'application/json' },
                {
                    name: 'record.json',
                    body: json({ ...rest, templateSha256: (0,sha256_hex/* sha256Hex */.f)(template) }),
                    contentType: 'application/json',
                },
            ];
            for (const object of objects) {
                const key = prefix + object.name;
                try {
                    await putS3Object({ s3, bucket, key, body: object.body, contentType: object.contentType, ...kms });
                }
                catch (error) {
                    throw bucketError({ action: 'store the deployment at', bucket, key, error });
                }
            }
        },
        async stageTemplate(params) {
            const key = (0,store_keys/* deploymentPrefix */.Ig)(params) + 'template.json';
            const body = Buffer.from(params.template, 'utf8');
            try {
                await putS3Object({
                    s3,
                    bucket,
                    key,
                    body,
                    contentType: (0,content_type_for/* templateContentType */.g)(params.template),
                    ...kms,
                });
            }
            catch (error) {
                throw bucketError({ action: 'upload the template to', bucket, key, error });
            }
            return templateUrlOf({ bucket, key, region: await s3.config.region() });
        },
        async stageNestedTemplate(params) {
            const json = (0,content_type_for/* templateContentType */.g)(params.template) === 'application/json';
            const uploaded = await uploadByContentHash({
                s3,
                bucket,
                keyPrefix: (0,store_keys/* nestedTemplatePrefix */.sH)(params.repository),
                body: Buffer.from(params.template, 'utf8'),
                extension: json ? '.json' : '.yaml',
                contentType: (0,content_type_for/* templateContentType */.g)(params.template),
                what: 'the nested template',
                ...kms,
            });
            return templateUrlOf({ bucket, key: uploaded.key, region: await s3.config.region() });
        },
        async load(key) {
            for (const prefix of (0,store_keys/* deploymentPrefixesToRead */.Zf)(key)) {
                const found = await loadFrom(prefix);
                if (found !== undefined)
                    return found;
            }
            return undefined;
        },
    };
    async function loadFrom(prefix) {
        const read = (name) => readS3Object({ s3, bucket, key: prefix + name }).catch((error) => {
            throw bucketError({ action: 'read the deployment at', bucket, key: prefix + name, error });
        });
        const [recordObject, templateObject] = await Promise.all([read('record.json'), read('template.json')]);
        if (recordObject === undefined || templateObject === undefined)
            return undefined;
        const parsed = deployment_store/* storedDeploymentRecordSchema */.h.safeParse(parseJson(Buffer.from(recordObject.body).toString('utf8')));
        if (!parsed.success) {
            throw new Error(`s3://${bucket}/${prefix}record.json is not a deployment record this agent wrote.`);
        }
        const template = Buffer.from(templateObject.body).toString('utf8');
        // A template that no longer matches its recorded hash is not "exactly what was deployed".
        if ((0,sha256_hex/* sha256Hex */.f)(template) !== parsed.data.templateSha256)
            return undefined;
        return { ...parsed.data, template };
    }
}
/**
 * The path-style URL CloudFormation reads a template from (`TemplateURL`), e.g.
 * `https://s3.ap-southeast-2.amazonaws.com/<bucket>/<key>`; path style, so a bucket name with dots
 * still matches S3's certificate (S3 User Guide, "Virtual hosting of buckets").
 */
function templateUrlOf(params) {
    const path = params.key.split('/').map(encodeURIComponent).join('/');
    const domain = params.region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
    return `https://s3.${params.region}.${domain}/${params.bucket}/${path}`;
}
/** Text that is not JSON reads as `undefined`, which the record's schema then refuses. */
function parseJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
//# sourceMappingURL=s3-deployment-store.js.map
;// CONCATENATED MODULE: ./lib/pipeline/mirror/mirror-stores-for-config.js









/**
 * Builds the stores (and the lifecycle event publisher) for `mirrors` in the config, all clients from the one factory in the mirrors'
 * region, with `MIRROR_TIMEOUTS`. `aws` overrides the endpoint, credentials and timeouts (a stand-in such as moto). With nothing
 * configured, this is empty and the local folder is the only store. A stand-in named only in the
 * environment (`AWS_ENDPOINT_URL_S3`, else `AWS_ENDPOINT_URL`, as the SDK reads them) also gets its
 * buckets addressed by path: `my-artifacts.localhost` does not resolve.
 */
function mirrorStoresForConfig(params) {
    const { mirrors } = params.config;
    // A silent mirror must not hold the task: every mirror call gives up (`MIRROR_TIMEOUTS`), then warns.
    const settings = { timeouts: MIRROR_TIMEOUTS, ...params.aws, region: mirrors.region };
    const needsTables = mirrors.tasks_table !== undefined || mirrors.results_table !== undefined;
    const needsBuckets = mirrors.artifacts_bucket !== undefined || mirrors.deployments_bucket !== undefined;
    const documents = needsTables ? createDocumentClient(settings) : undefined;
    // Stand-ins serve buckets by path; AWS itself by host name.
    const env = params.env ?? process.env;
    const s3Endpoint = settings.endpoint ?? (env['AWS_ENDPOINT_URL_S3'] || env['AWS_ENDPOINT_URL'] || undefined);
    const s3 = needsBuckets
        ? createAwsClient(client_s3_dist_cjs.S3Client, { ...settings, ...(s3Endpoint === undefined ? {} : { endpoint: s3Endpoint }) }, { forcePathStyle: s3Endpoint !== undefined })
        : undefined;
    const events = mirrors.event_bus === undefined ? undefined : createAwsClient(dist_cjs/* EventBridgeClient */.Ldt, settings);
    const kms = mirrors.kms_key_id === undefined ? {} : { kmsKeyId: mirrors.kms_key_id };
    return {
        close: () => {
            documents?.destroy();
            s3?.destroy();
            events?.destroy();
        },
        ...(documents && mirrors.tasks_table !== undefined
            ? { tasks: createDynamoDbTaskStore({ client: documents, tableName: mirrors.tasks_table }) }
            : {}),
        ...(documents && mirrors.results_table !== undefined
            ? { events: createDynamoDbTaskEventStore({ client: documents, tableName: mirrors.results_table }) }
            : {}),
        ...(s3 && mirrors.artifacts_bucket !== undefined
            ? { artifacts: createS3ArtifactStore({ s3, bucket: mirrors.artifacts_bucket, ...kms }) }
            : {}),
        ...(s3 && mirrors.deployments_bucket !== undefined
            ? { deployments: createS3DeploymentStore({ s3, bucket: mirrors.deployments_bucket, ...kms }) }
            : {}),
        ...(events && mirrors.event_bus !== undefined
            ? { publisher: createEventBridgePublisher({ client: events, busName: mirrors.event_bus }) }
            : {}),
    };
}
//# sourceMappingURL=mirror-stores-for-config.js.map

/***/ })

};
