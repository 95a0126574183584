"""Per-call overhead of the seed's DescribeCompShareImages call through the official SDK; prints
{"per_call_ns": median}."""

import json
import sys
import time

from sdk import service


def main(directory):
    with open(f"{directory}/images.json", "rb") as f:
        body = f.read()
    client = service(body)

    def one():
        resp = client.describe_comp_share_images(
            {"ImageType": "System", "Limit": 20, "Name": "PyTorch"}
        )
        assert len(resp["ImageSet"]) == 3

    def batch(n):
        start = time.perf_counter_ns()
        for _ in range(n):
            one()
        return (time.perf_counter_ns() - start) / n

    batch(200)
    times = sorted(batch(200) for _ in range(31))
    print(json.dumps({"per_call_ns": int(times[len(times) // 2])}))


main(sys.argv[1])
