#!/usr/bin/env bash
# Writes one trace's funnel events (JSON, oldest first) to stdout:
#
#   export CONTROL_PLANE_URL=https://embark.example.com
#   export CONTROL_PLANE_API_KEY=...   # INTERNAL_API_KEY or a key with funnel:read
#   scripts/export-funnel-events.sh trace_01abc 200 > funnel.json
#
# Only the answer's body goes to stdout. A missing variable, a bad argument or
# an HTTP error prints a message on stderr, exits non-zero and writes nothing
# to stdout. The key reaches curl through a config read from stdin, so it never
# appears on a command line (ps, /proc/<pid>/cmdline).
set -euo pipefail

fail() {
  echo "export-funnel-events: $1" >&2
  exit "${2:-1}"
}

[[ $# -ge 1 && $# -le 2 ]] || fail "usage: $0 <trace_id> [limit 1-1000, default 200] > funnel.json" 2
trace_id=$1
limit=${2:-200}
[[ $trace_id =~ ^trace_[A-Za-z0-9_-]{6,80}$ ]] || fail "trace_id must look like trace_<id>" 2
[[ $limit =~ ^[0-9]{1,4}$ ]] && ((limit >= 1 && limit <= 1000)) || fail "limit must be a number from 1 to 1000" 2
[[ -n ${CONTROL_PLANE_URL:-} ]] || fail "CONTROL_PLANE_URL is not set (the Embark base URL, e.g. https://embark.example.com)"
[[ -n ${CONTROL_PLANE_API_KEY:-} ]] || fail "CONTROL_PLANE_API_KEY is not set (INTERNAL_API_KEY or an API key with the funnel:read scope)"
command -v curl >/dev/null || fail "curl is needed"

url="${CONTROL_PLANE_URL%/}/internal/funnel-events?trace_id=${trace_id}&limit=${limit}"
body=$(mktemp)
trap 'rm -f "$body"' EXIT

# curl's config syntax: backslashes and double quotes escaped inside a quoted value.
key=${CONTROL_PLANE_API_KEY//\\/\\\\}
key=${key//\"/\\\"}
if ! status=$(printf 'header = "Authorization: Bearer %s"\n' "$key" |
  curl --silent --show-error --config - --header "accept: application/json" \
    --output "$body" --write-out '%{http_code}' --max-time 60 -- "$url"); then
  fail "could not reach ${CONTROL_PLANE_URL}"
fi
if [[ $status != 2?? ]]; then
  fail "HTTP ${status} from ${CONTROL_PLANE_URL}: $(head -c 500 "$body")"
fi
cat "$body"
