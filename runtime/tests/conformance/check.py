"""Checks flattening and signing against the official SDK (ucloud-sdk-python3).

Reads a JSON list of cases on stdin; each has the input dictionary, the keys, what the Rust
runtime flattened it to, and the exact form body it posted. Writes one list of problems per
case on stdout.
"""
import json
import sys
from urllib.parse import parse_qsl

from ucloud.core.auth._cfg import verify_ac
from ucloud.core.typesystem import encoder


def check(case):
    problems = []
    expected = encoder.encode(case["input"])
    got = dict(case["flat"])
    if expected != got:
        problems.append({"what": "flatten", "python": expected, "rust": got})
    signed = dict(expected, Action=case["action"], PublicKey=case["public_key"])
    body = dict(parse_qsl(case["body"], keep_blank_values=True))
    sent = body.pop("Signature", None)
    if body != {k: encoder.encode_value(v) for k, v in signed.items()}:
        problems.append({"what": "body", "python": signed, "rust": body})
    want = verify_ac(case["private_key"], signed)
    if sent != want:
        problems.append({"what": "signature", "python": want, "rust": sent})
    # What a server computes from the body it received.
    if verify_ac(case["private_key"], body) != sent:
        problems.append({"what": "server-side signature", "rust": sent})
    return problems


json.dump([check(c) for c in json.load(sys.stdin)], sys.stdout, ensure_ascii=False)
