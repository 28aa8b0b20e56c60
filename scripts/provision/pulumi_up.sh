#!/usr/bin/env bash
# Stage pulumi_up: creates (or updates) the servers with Pulumi.
#
# Environment:
#   PULUMI_DIR           directory holding the Pulumi project (Pulumi.yaml)
#   TENANT_ID, REGION    the tenant and its region
#   DEDICATED            "true" for a dedicated stack, else the region's shared stack
#   PULUMI_ACCESS_TOKEN  Pulumi Cloud token (read by the pulumi CLI)
#   HCLOUD_TOKEN         Hetzner Cloud token (read by the hcloud provider)
#   EMBARK_URL, EMBARK_API_KEY, TRACE_ID, JOB_ID (see lib.sh)
# Stack config set here, the contract with the Pulumi project:
#   region (always) and tenant_id (dedicated stacks only)
# Outputs:
#   pulumi_stack, server_ip, db_server_ip (the stack outputs of the same names)
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

stage_begin pulumi_up
require_env PULUMI_DIR TENANT_ID REGION PULUMI_ACCESS_TOKEN HCLOUD_TOKEN
valid_region "$REGION" || fail "region '$REGION' cannot name a stack"
[[ -f $PULUMI_DIR/Pulumi.yaml ]] || fail "no Pulumi project (Pulumi.yaml) in $PULUMI_DIR"

dedicated=false
[[ ${DEDICATED:-} == "true" ]] && dedicated=true
stack=$(pulumi_stack_name "$TENANT_ID" "$REGION" "$dedicated") || fail "cannot derive a stack name from tenant_id '$TENANT_ID'"
trace_event pulumi_up info "stack $stack" "$(json_obj stack="$stack" dedicated:="$dedicated")"

cd "$PULUMI_DIR"
pulumi install || fail "pulumi install failed"
pulumi stack select --create "$stack" --non-interactive || fail "could not select stack $stack"
pulumi config set region "$REGION" --stack "$stack" --non-interactive || fail "could not set region on stack $stack"
if [[ $dedicated == "true" ]]; then
  pulumi config set tenant_id "$TENANT_ID" --stack "$stack" --non-interactive || fail "could not set tenant_id on stack $stack"
fi
pulumi up --yes --skip-preview --stack "$stack" --non-interactive || fail "pulumi up failed on stack $stack"

outputs=$(pulumi stack output --json --stack "$stack" --non-interactive) || fail "could not read the outputs of stack $stack"
server_ip=$(json_get server_ip <<<"$outputs") || fail "stack $stack outputs are not JSON"
db_server_ip=$(json_get db_server_ip <<<"$outputs")
[[ -n $server_ip ]] || fail "stack $stack has no server_ip output"
[[ -n $db_server_ip ]] || fail "stack $stack has no db_server_ip output"
valid_host "$server_ip" || fail "stack $stack has an invalid server_ip output"
valid_host "$db_server_ip" || fail "stack $stack has an invalid db_server_ip output"

set_output pulumi_stack "$stack"
set_output server_ip "$server_ip"
set_output db_server_ip "$db_server_ip"
stage_succeeded "stack $stack is up" "$(json_obj stack="$stack" server_ip="$server_ip")"
