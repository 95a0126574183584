"""Drives `compshare mcp` with the official Python MCP client (PyPI `mcp`, pinned 2.3.0)
against compshare-mock, which the Rust test `cli/tests/mcp_python.rs` starts in-process.

Usage: python mcp_session.py COMPSHARE_BINARY
Environment: COMPSHARE_BASE_URL, COMPSHARE_PUBLIC_KEY and COMPSHARE_PRIVATE_KEY (the mock's).

Prints a transcript of every call (outputs trimmed) and, last, one line `RESULT <json>` with
what the Rust side checks against the mock's record. Fails with an AssertionError on any
unexpected answer.
"""

import asyncio
import json
import os
import re
import sys

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

PRIVATE_KEY = os.environ["COMPSHARE_PRIVATE_KEY"]
SIGNATURE = re.compile(r"Signature[\"=:]+[0-9a-f]{40}")
TEXTS = []


def trim(text, n=400):
    return text if len(text) <= n else text[:n] + f"… ({len(text)} chars)"


async def call(session, tool, args, expect_error=False):
    print(f"\n→ {tool} {json.dumps(args, ensure_ascii=False)}")
    result = await session.call_tool(tool, args)
    text = result.content[0].text
    TEXTS.append(text)
    print(f"← {'ERROR ' if result.is_error else ''}{trim(text)}")
    assert bool(result.is_error) == expect_error, f"{tool}: is_error={result.is_error}: {text}"
    return json.loads(text)


async def session_run(binary):
    env = {
        "COMPSHARE_BASE_URL": os.environ["COMPSHARE_BASE_URL"],
        "COMPSHARE_PUBLIC_KEY": os.environ["COMPSHARE_PUBLIC_KEY"],
        "COMPSHARE_PRIVATE_KEY": PRIVATE_KEY,
        "COMPSHARE_CONFIG_FILE": "/nonexistent/config.json",
        "HOME": "/nonexistent",
    }
    server = StdioServerParameters(command=binary, args=["mcp"], env=env)
    async with stdio_client(server) as (read, write):
        async with ClientSession(read, write) as session:
            init = await session.initialize()
            print(f"initialized: {init.server_info.name} {init.server_info.version}, protocol {init.protocol_version}")
            assert "call_write" in init.instructions

            tools = (await session.list_tools()).tools
            print("tools:")
            for t in tools:
                a = t.annotations
                print(f"  {t.name}: readOnly={a.read_only_hint} destructive={a.destructive_hint} "
                      f"idempotent={a.idempotent_hint} openWorld={a.open_world_hint}")
            hints = {t.name: t.annotations for t in tools}
            assert sorted(hints) == ["call_read", "call_write", "describe_action", "search_actions", "wait"]
            assert hints["call_read"].read_only_hint and not hints["call_read"].destructive_hint
            assert not hints["call_write"].read_only_hint and hints["call_write"].destructive_hint
            assert not hints["call_write"].idempotent_hint
            assert hints["search_actions"].open_world_hint is False
            assert "confirm" in next(t for t in tools if t.name == "call_write").input_schema["properties"]

            found = await call(session, "search_actions", {"query": "镜像"})
            names = [m["name"] for m in found["matches"]]
            assert "DescribeCompShareImages" in names and "CreateCompShareCustomImage" in names, names
            found = await call(session, "search_actions", {"query": "bandwidth"})
            names = [m["name"] for m in found["matches"]]
            assert "CreateCompShareShareBandwidth" in names and "DescribeCompShareImages" not in names, names
            classes = {m["name"]: m["class"] for m in found["matches"]}
            assert classes["DeleteCompShareShareBandwidth"] == "destructive", classes

            described = await call(session, "describe_action", {"action": "DescribeCompShareImages"})
            props = described["params"]["properties"]
            assert props["Limit"]["maximum"] == 100, props["Limit"]
            assert props["ImageType"]["enum"] == ["System", "App", "Game", "Other"], props["ImageType"]
            assert described["class"] == "read" and described["paging"]["items"] == "ImageSet"
            assert "CompShareImage" in described["response"]["$defs"]
            print(f"  Limit: {json.dumps(props['Limit'], ensure_ascii=False)}")
            print(f"  ImageType: {json.dumps(props['ImageType'], ensure_ascii=False)}")

            images = await call(session, "call_read", {"action": "DescribeCompShareImages", "params": {"ImageType": "System", "Limit": 2}})
            assert images["RetCode"] == 0 and len(images["ImageSet"]) <= 2, images
            total = images["TotalCount"]

            every = await call(session, "call_read", {"action": "DescribeCompShareImages", "params": {"Limit": 1}, "all": True})
            assert every["count"] == total == len(every["ImageSet"]) == every["pages"] == 5, every
            assert "capped" not in every
            capped = await call(session, "call_read", {"action": "DescribeCompShareImages", "params": {"Limit": 1}, "all": True, "max_items": 2})
            assert capped["count"] == 2 and "Offset=2" in capped["capped"], capped

            preview = await call(session, "call_write", {"action": "StopCompShareInstance", "params": {"UHostId": "uhost-previewed"}})
            assert preview["sent"] is False and "price" not in preview, preview
            assert preview["request"]["params"]["Signature"] == "<redacted>"
            assert "UHostId=uhost-previewed" in preview["request"]["body"]

            create = {
                "MachineType": "G", "GpuType": "4090", "GPU": 1, "CPU": 16, "Memory": 65536,
                "CompShareImageId": "compshareImage-xxxx", "Name": "trainer", "Password": "Sup3rSecret!",
                "Disks": [{"IsBoot": True, "Type": "CLOUD_SSD", "Size": 200}],
            }
            preview = await call(session, "call_write", {"action": "CreateCompShareInstance", "params": create})
            assert preview["sent"] is False and preview["price"]["action"] == "GetCompShareInstancePrice", preview
            assert "answer" in preview["price"], preview["price"]
            assert preview["request"]["params"]["Password"] == "<redacted>"
            assert preview["request"]["params"]["Disks.0.Size"] == "200"
            refused = await call(session, "call_write", {"action": "CreateCompShareInstance", "params": create, "confirm": True}, expect_error=True)
            assert refused["error"] == "bad_arguments" and refused["sent"] is False
            done = await call(session, "call_write", {
                "action": "CreateCompShareInstance", "params": create, "confirm": True,
                "confirmation_summary": "User agreed: one 4090 instance 'trainer', 16 CPU, 64 GB, 200 GB SSD, at the price shown",
            })
            assert done["sent"] is True and done["outcome"] == "done" and done["UHostIds"], done

            invalid = await call(session, "call_read", {"action": "DescribeCompShareImages", "params": {"Limit": 101, "ImageType": "Bogus"}}, expect_error=True)
            rules = {v["param"]: v["rule"] for v in invalid["violations"]}
            assert invalid["sent"] is False and rules["Limit"] == "must be at most 100", invalid
            assert "ImageType" in rules, rules

            failed = await call(session, "call_write", {
                "action": "CreateCompShareShareBandwidth", "params": {"ShareBandwidth": 100}, "confirm": True,
                "confirmation_summary": "User agreed to a 100 Mbps shared bandwidth at the price shown",
            }, expect_error=True)
            assert failed["code"] == 226604 and failed["message"] == "resources insufficient", failed
            assert failed["request_id"] and failed["meaning"] and failed["outcome"] == "failed", failed

            wrong = await call(session, "call_read", {"action": "StopCompShareInstance", "params": {"UHostId": "uhost-1"}}, expect_error=True)
            assert wrong["error"] == "not_read_only", wrong
            gone = await call(session, "call_read", {"action": "GetSoftwareURL", "params": {"UHostId": "uhost-1", "Software": "JupyterLab"}}, expect_error=True)
            assert gone["error"] == "unavailable", gone

            for text in TEXTS:
                assert PRIVATE_KEY not in text, "the private key reached a tool result"
                assert not SIGNATURE.search(text), "a signature reached a tool result"
                assert "Sup3rSecret!" not in text, "a password reached a tool result"
            print("\nRESULT " + json.dumps({"images_total": total, "created": done["UHostIds"]}))


if __name__ == "__main__":
    asyncio.run(session_run(sys.argv[1]))
