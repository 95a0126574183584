"""Runs the platform's own CLI, compshare-cli, against a local mock.

Usage: python compshare_cli.py BASE_URL ARGS...

compshare-cli has no base-URL setting: it reads `compshare_cli.config.DEFAULT_BASE_URL` each
time it builds a client, so this points that at BASE_URL (which must be on 127.0.0.1) and
runs the CLI's entry point with ARGS. Credentials come from COMPSHARE_PUBLIC_KEY and
COMPSHARE_PRIVATE_KEY, the profile file from COMPSHARE_CONFIG_FILE; the caller sets them. The
CLI's usage reporting is switched off, so nothing leaves the machine. The exit status is the
CLI's.
"""

import os
import sys


def main() -> None:
    if len(sys.argv) < 2 or not sys.argv[1].startswith("http://127.0.0.1:"):
        sys.exit("usage: compshare_cli.py http://127.0.0.1:PORT ARGS...")
    url, args = sys.argv[1], sys.argv[2:]
    # This file's name would shadow the package: import it from site-packages.
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != here]
    # An empty endpoint turns reporting off; the no-op below makes sure of it.
    os.environ["COMPSHARE_INSIGHTS_URL"] = ""

    import compshare_cli.cli as cli
    import compshare_cli.config as config

    config.DEFAULT_BASE_URL = url
    cli.record_command = lambda *_args, **_kwargs: None
    cli.main(args)


if __name__ == "__main__":
    main()
