"""Calls CompShare actions with the official Python SDK (ucloud-sdk-python3) and reports what
happened, for the mock's interop test.

Reads one JSON object on stdin: {"base_url", "public_key", "private_key", "calls": [{"action",
"params"}]}, where params are wire-style (`Disks.0.Size`). Each call goes through the SDK
client's own method for the action, which builds the request from its schema, signs and posts
it, checks RetCode and loads the response with its schema. Prints one JSON list with a result
per call.
"""
import inspect
import json
import logging
import re
import sys

from ucloud.client import Client
from ucloud.core import exc
from ucloud.services.ucompshare.client import UCompShareClient


def unflatten(flat):
    """`{"Disks.0.Size": "200"}` -> `{"Disks": [{"Size": "200"}]}`, as the SDK's methods take."""
    root = {}
    for key, value in flat.items():
        parts = key.split(".")
        node = root
        for i, part in enumerate(parts):
            last = i == len(parts) - 1
            child = None if last else ([] if parts[i + 1].isdigit() else {})
            if isinstance(node, list):
                index = int(part)
                while len(node) <= index:
                    node.append(None)
                if last:
                    node[index] = value
                else:
                    if node[index] is None:
                        node[index] = child
                    node = node[index]
            else:
                if last:
                    node[part] = value
                else:
                    node = node.setdefault(part, child)
    return root


def methods():
    """The client method of each action, found by the action each method invokes."""
    found = {}
    for name, member in vars(UCompShareClient).items():
        if name.startswith("_") or not callable(member):
            continue
        match = re.search(r'self\.invoke\(\s*"(\w+)"', inspect.getsource(member))
        if match:
            found[match.group(1)] = name
    return found


def main():
    job = json.load(sys.stdin)
    logger = logging.getLogger("compshare-mock-interop")
    logger.addHandler(logging.NullHandler())
    logger.propagate = False
    config = {
        "region": "cn-wlcb",
        "base_url": job["base_url"],
        "public_key": job["public_key"],
        "private_key": job["private_key"],
        "max_retries": 0,
    }
    client = Client(config, logger=logger).ucompshare()
    by_action = methods()
    results = []
    for call in job["calls"]:
        action, params = call["action"], unflatten(call["params"])
        method = by_action.get(action)
        result = {"action": action, "method": method}
        try:
            if method is None:
                raise LookupError("the SDK has no method for this action")
            response = getattr(client, method)(params)
            result.update(code=0, response=response)
        except exc.RetCodeException as e:
            result.update(code=e.code, message=e.message, request_id=e.request_uuid)
        except Exception as e:  # anything else is a failure the test shows
            result.update(code=None, error="{}: {}".format(type(e).__name__, e))
        results.append(result)
    json.dump(results, sys.stdout, ensure_ascii=False)


main()
