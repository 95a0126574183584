"""The official Python SDK (ucloud-sdk-python3) over a transport that answers every request with
the same body, so its figures cover the same work as the Rust client's: build and check the
request, sign and form-encode it, hand it to the transport, parse and decode the answer."""

import logging

from ucloud.client import Client
from ucloud.core.transport import Transport
from ucloud.core.transport.http import Response


class Fixed(Transport):
    """Answers every request with `body`."""

    def __init__(self, body: bytes):
        self.body = body

    def send(self, req, **options):
        # The request is encoded as the requests transport would post it.
        req.payload()
        return Response(
            req.url,
            req.method,
            request=req,
            status_code=200,
            headers={"X-UCLOUD-REQUEST-UUID": "bench"},
            content=self.body,
        )


def service(body: bytes):
    logger = logging.getLogger("bench.ucloud")
    logger.addHandler(logging.NullHandler())
    logger.setLevel(logging.CRITICAL)
    logger.propagate = False
    config = {
        "region": "cn-wlcb",
        "zone": "cn-wlcb-01",
        "public_key": "bench-public-key",
        "private_key": "bench-private-key",
        "base_url": "https://api.compshare.cn",
    }
    return Client(config, transport=Fixed(body), logger=logger).ucompshare()
