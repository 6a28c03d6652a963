"""Makes moto's DynamoDB writes atomic, as DynamoDB's are.

moto_server answers requests on several threads, and its DynamoDB backend checks a write's
condition and then writes without a lock, so two conditional puts racing on one item can both
pass (a lost update real DynamoDB never allows: "conditional writes are ... atomic", DynamoDB
Developer Guide, Condition expressions). `npm run test:aws` starts moto_server with this folder
on PYTHONPATH; Python imports `sitecustomize` at start, and each read or write of the backend
then holds one lock. Without moto (or another moto layout) nothing is changed.
"""

import functools
import threading

try:
    from moto.dynamodb.models import DynamoDBBackend
except Exception:  # moto missing or laid out otherwise: leave the interpreter as it is
    DynamoDBBackend = None

_LOCK = threading.RLock()

_OPERATIONS = (
    "put_item",
    "update_item",
    "delete_item",
    "get_item",
    "transact_write_items",
    "transact_get_items",
    "query",
    "scan",
)


def _atomic(operation):
    @functools.wraps(operation)
    def locked(*args, **kwargs):
        with _LOCK:
            return operation(*args, **kwargs)

    return locked


if DynamoDBBackend is not None:
    for _name in _OPERATIONS:
        if hasattr(DynamoDBBackend, _name):
            setattr(DynamoDBBackend, _name, _atomic(getattr(DynamoDBBackend, _name)))
