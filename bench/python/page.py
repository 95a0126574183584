"""Decoding a DescribeCompShareInstance page of 1,000 instances the way the official SDK decodes
an answer (parse the JSON, then load it through the response schema); prints the median time
and the peak memory traced while decoding, the body included."""

import json
import sys
import time
import tracemalloc

from ucloud.services.ucompshare.schemas import apis


def decode(body):
    data = json.loads(body)
    resp = apis.DescribeCompShareInstanceResponseSchema().loads(data)
    assert len(resp["UHostSet"]) == 1000
    return resp


def main(directory):
    with open(f"{directory}/instances.json", "rb") as f:
        body = f.read()
    for _ in range(2):
        decode(body)
    times = []
    for _ in range(11):
        start = time.perf_counter_ns()
        decode(body)
        times.append(time.perf_counter_ns() - start)
    times.sort()
    tracemalloc.start()
    body_copy = bytes(bytearray(body))
    decoded = decode(body_copy)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del decoded
    print(
        json.dumps(
            {
                "decode_ns": times[len(times) // 2],
                "body_bytes": len(body),
                "peak_bytes": peak,
            }
        )
    )


main(sys.argv[1])
