#!/usr/bin/env bash
# Stage resolve_target: decides where the tenant goes.
#
# Environment:
#   CREATE_NEW_SERVER  "true" to create a server with Pulumi
#   TARGET_SERVER_ID   existing node id ("" when none)
#   EMBARK_URL, EMBARK_API_KEY, TRACE_ID, JOB_ID (see lib.sh)
#   GITHUB_EVENT_PATH  on a runner: the dispatch payload, read to mask callback_token
# Outputs:
#   create_server  "true" when the Pulumi stages must run
#   node_id        the existing node (empty when creating)
#   server_ip      the existing node's address (its hostname when it has none)
#   db_server_ip   the existing node's database host, when Embark knows it
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# The callback token arrives as a plain input; masking it here, in the first
# step, keeps it out of the callback step's logged environment. It is read
# from the event file so it is never printed before being masked.
if [[ ${GITHUB_ACTIONS:-} == "true" && -f ${GITHUB_EVENT_PATH:-} ]]; then
  mask "$(json_get inputs.callback_token <"$GITHUB_EVENT_PATH" || true)"
fi

stage_begin resolve_target

create=${CREATE_NEW_SERVER:-}
target=${TARGET_SERVER_ID:-}
target=${target#"${target%%[![:space:]]*}"}
target=${target%"${target##*[![:space:]]}"}

if [[ -z $target ]]; then
  if [[ $create != "true" ]]; then
    fail "target_server_id is empty and create_new_server is '${create}', not \"true\": there is no server to provision onto"
  fi
  set_output create_server true
  set_output node_id ""
  stage_succeeded "no target server: a new one will be created" "$(json_obj mode=create_new_server)"
  exit 0
fi

if [[ ! $target =~ ^[A-Za-z0-9._-]+$ ]]; then
  fail "target_server_id '$target' is not a valid node id"
fi
require_env EMBARK_URL EMBARK_API_KEY

if ! node=$(http_json GET "$(embark_url "/internal/nodes/$target")" "$EMBARK_API_KEY"); then
  fail "could not look up node $target in Embark"
fi
server_ip=$(json_get server_ip <<<"$node") || fail "Embark's answer for node $target is not JSON"
# A node registered by hand may have only a host name.
[[ -n $server_ip ]] || server_ip=$(json_get hostname <<<"$node")
db_server_ip=$(json_get db_server_ip <<<"$node")
[[ -n $server_ip ]] || fail "node $target has neither server_ip nor hostname"
valid_host "$server_ip" || fail "node $target has an invalid server_ip"

set_output create_server false
set_output node_id "$target"
set_output server_ip "$server_ip"
set_output db_server_ip "$db_server_ip"
stage_succeeded "using existing node $target" "$(json_obj mode=use_existing node_id="$target" server_ip="$server_ip")"
trace_event pulumi_up skipped "using existing node $target"
trace_event register_node skipped "using existing node $target"
