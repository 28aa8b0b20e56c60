#!/usr/bin/env bash
# Stage register_node: records the server Pulumi just created as a node in Embark.
#
# Environment:
#   REGION, TENANT_ID    the tenant and its region
#   SERVER_IP            host from pulumi_up
#   DB_SERVER_IP         database host from pulumi_up
#   DEDICATED            "true" when the node belongs to this tenant alone
#   EMBARK_URL, EMBARK_API_KEY, TRACE_ID, JOB_ID (see lib.sh)
# Outputs:
#   node_id  node-<region>-<6 random [a-z0-9]>
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

stage_begin register_node
require_env EMBARK_URL EMBARK_API_KEY REGION TENANT_ID SERVER_IP DB_SERVER_IP
valid_region "$REGION" || fail "region '$REGION' cannot be part of a node id"

node_id="node-$REGION-$(random_alnum 6)"
dedicated=false
[[ ${DEDICATED:-} == "true" ]] && dedicated=true
body=$(json_obj node_id="$node_id" region="$REGION" server_ip="$SERVER_IP" db_server_ip="$DB_SERVER_IP" \
  dedicated:="$dedicated" tenant_id="$TENANT_ID")

http_json POST "$(embark_url /internal/nodes)" "$EMBARK_API_KEY" "$body" >/dev/null ||
  fail "Embark did not register node $node_id"

set_output node_id "$node_id"
stage_succeeded "registered node $node_id" "$(json_obj node_id="$node_id")"
