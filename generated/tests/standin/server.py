"""A stand-in for the CompShare API that checks every request as the official SDK signs it.

Usage: server.py PUBLIC_KEY PRIVATE_KEY. Listens on 127.0.0.1 on a free port and prints the
port. A request is accepted when it is a form POST whose Signature is what
ucloud-sdk-python3 computes over its other params; the answer echoes the params it received
as `Received`, so the caller can compare them with what it meant to send.
"""
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl

from ucloud.core.auth import Credential

PUBLIC_KEY, PRIVATE_KEY = sys.argv[1], sys.argv[2]


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        body = self.rfile.read(length).decode("utf-8")
        params = dict(parse_qsl(body, keep_blank_values=True))
        signature = params.pop("Signature", None)
        action = params.get("Action", "")
        if self.headers.get("Content-Type") != "application/x-www-form-urlencoded":
            reply = {"RetCode": 230, "Message": "bad content type"}
        elif params.get("PublicKey") != PUBLIC_KEY:
            reply = {"RetCode": 172, "Message": "no such user"}
        elif Credential(PUBLIC_KEY, PRIVATE_KEY).verify_ac(dict(params)) != signature:
            reply = {"RetCode": 171, "Message": "Signature VerifyAC Error"}
        else:
            reply = {"RetCode": 0, "Action": action + "Response", "Received": params}
        data = json.dumps(reply, ensure_ascii=False).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("X-UCLOUD-REQUEST-UUID", "standin-1")
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
