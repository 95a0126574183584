#!/usr/bin/env bash
# Posts the API diff report on a pull request, as ONE comment that later runs update, then
# fails when a breaking change comes without the version bump it needs, unless the pull request has
# the label api-breaking-acknowledged.
#
# Inputs (environment):
#   REPO      owner/name                         (required)
#   PR        pull request number                (required)
#   REPORT    the Markdown report to post        (required; starts with the marker line)
#   BASE_REF  the base to compare against        (required, such as origin/main)
#   LABELS    the pull request's labels, comma-separated (may be empty)
#   DIFF_CMD  the diff command (default: cargo xtask diff)
# gh reads GH_TOKEN itself.
set -euo pipefail

: "${REPO:?REPO is required}" "${PR:?PR is required}" "${REPORT:?REPORT is required}" "${BASE_REF:?BASE_REF is required}"
MARKER='<!-- compshare-api-diff -->'
ACK_LABEL='api-breaking-acknowledged'
DIFF_CMD=${DIFF_CMD:-cargo xtask diff}

# The first comment that starts with the marker, if any.
id=$(gh api --paginate "repos/$REPO/issues/$PR/comments" \
    --jq ".[] | select(.body | startswith(\"$MARKER\")) | .id" | head -n 1)
if [ -n "$id" ]; then
    gh api --method PATCH "repos/$REPO/issues/comments/$id" -F "body=@$REPORT" > /dev/null
    echo "updated comment $id"
else
    gh api --method POST "repos/$REPO/issues/$PR/comments" -F "body=@$REPORT" > /dev/null
    echo "created a comment"
fi

# shellcheck disable=SC2086 # DIFF_CMD is a command with its arguments.
if $DIFF_CMD --base "$BASE_REF" --fail-on unbumped > /dev/null; then
    echo "no breaking change, or the version is bumped for it"
    exit 0
fi
case ",${LABELS:-}," in
    *",$ACK_LABEL,"*)
        echo "a breaking change without its version bump; passing because of the label $ACK_LABEL"
        exit 0
        ;;
esac
echo "error: a breaking change without the version bump it needs (see the comment); bump it, or add the label $ACK_LABEL" >&2
exit 1
