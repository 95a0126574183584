"""Records what the official SDK (ucloud-sdk-python3) makes of each conformance input.

Reads a JSON list of cases on stdin (each: the input dictionary, the action, the key pair) and
writes, for each, the SDK's flattened params and the signature of the form it would post. The
runtime's conformance test compares against this record in plain `cargo test`; under
`cargo xtask test` it runs this script again and checks that the record is current. Write the
record anew with:

    COMPSHARE_RECORD=1 cargo xtask test -p compshare-runtime --test conformance
"""
import json
import sys

from ucloud.core.auth._cfg import verify_ac
from ucloud.core.typesystem import encoder


def record(case):
    flat = encoder.encode(case["input"])
    signed = dict(flat, Action=case["action"], PublicKey=case["public_key"])
    return {"flat": flat, "signature": verify_ac(case["private_key"], signed)}


json.dump(
    [record(c) for c in json.load(sys.stdin)],
    sys.stdout,
    ensure_ascii=False,
    indent=0,
    sort_keys=True,
)
sys.stdout.write("\n")
