#!/usr/bin/env bash
# Stage callback: tells Embark how the run ended (POST /internal/provision-complete).
# Runs even when an earlier step failed; the failing stage is worked out here
# from the steps' outcomes so the rule is tested with the other scripts.
#
# Environment:
#   JOB_ID                 the provision job
#   CALLBACK_TOKEN         per-job token; EMBARK_API_KEY is used when empty
#   OUTCOME_<STEP>         steps.<step>.outcome: success | failure | cancelled | skipped
#                          for RESOLVE_TARGET, PULUMI_CHECKOUT, PULUMI_SETUP, PULUMI_UP,
#                          REGISTER_NODE, ANSIBLE_CHECKOUT, ANSIBLE, ZUPLO_SYNC, DNS
#   CREATE_SERVER          resolve_target's create_server output ("true": Pulumi stages expected)
#   JOB_STATUS             job.status; a failure outside the stages is reported at "callback"
#   DNS_STATUS             dns's dns_status output
#   NODE_ID, SERVER_IP, DB_SERVER_IP, PULUMI_STACK   reported as outputs when set
#   CANONICAL_HOSTNAME     for the message
#   RUN_URL                link to the run, added to failure messages
#   EMBARK_URL, EMBARK_API_KEY, TRACE_ID (see lib.sh)
# Outputs:
#   status, failure_stage
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

stage_begin callback
require_env EMBARK_URL JOB_ID
token=${CALLBACK_TOKEN:-${EMBARK_API_KEY:-}}
[[ -n $token ]] || fail "neither CALLBACK_TOKEN nor EMBARK_API_KEY is set"

# Every step before the callback, in run order, with the stage it belongs to:
# a checkout or tool install failing is its stage failing. dns is left out on
# purpose: it is best effort and never fails the job.
steps=(
  "RESOLVE_TARGET resolve_target"
  "PULUMI_CHECKOUT pulumi_up"
  "PULUMI_SETUP pulumi_up"
  "PULUMI_UP pulumi_up"
  "REGISTER_NODE register_node"
  "ANSIBLE_CHECKOUT ansible"
  "ANSIBLE ansible"
  "ZUPLO_SYNC zuplo_sync"
)
# The stages that must have succeeded for the tenant to be provisioned.
expected=(resolve_target)
[[ ${CREATE_SERVER:-} == "true" ]] && expected+=(pulumi_up register_node)
expected+=(ansible zuplo_sync)

outcome_of() {
  local var="OUTCOME_${1^^}"
  printf '%s' "${!var:-}"
}

failure_stage=""
reason=""
for entry in "${steps[@]}"; do
  outcome=$(outcome_of "${entry%% *}")
  if [[ $outcome == failure || $outcome == cancelled ]]; then
    failure_stage=${entry#* }
    if [[ $outcome == failure ]]; then reason="$failure_stage failed"; else reason="$failure_stage was cancelled"; fi
    break
  fi
done
# A stage that should have run but did not (skipped after a failure outside
# the stages, or never reached) is not a success either.
if [[ -z $failure_stage ]]; then
  for stage in "${expected[@]}"; do
    outcome=$(outcome_of "$stage")
    if [[ $outcome != success ]]; then
      failure_stage=$stage
      reason="$stage did not run (outcome: ${outcome:-unknown})"
      break
    fi
  done
fi
# Embark needs a stage with every failure; the callback is where this one
# was found.
if [[ -z $failure_stage && -n ${JOB_STATUS:-} && ${JOB_STATUS} != success ]]; then
  failure_stage=callback
  reason="the run ended with status $JOB_STATUS outside the provisioning stages"
fi

if [[ -z $reason ]]; then
  status=Completed
  message="provisioned ${CANONICAL_HOSTNAME:-the tenant}"
  if [[ ${OUTCOME_DNS:-} == failure || ${DNS_STATUS:-} == failed ]]; then
    message+="; the DNS record could not be updated and needs setting by hand"
  fi
else
  status=Failed
  message=$reason
  [[ -n ${RUN_URL:-} ]] && message+=" ($RUN_URL)"
fi

outputs=$(json_obj "node_id?=${NODE_ID:-}" "server_ip?=${SERVER_IP:-}" \
  "db_server_ip?=${DB_SERVER_IP:-}" "pulumi_stack?=${PULUMI_STACK:-}")
[[ $outputs == "{}" ]] && outputs=""
body=$(json_obj job_id="$JOB_ID" status="$status" "failure_stage?=$failure_stage" \
  message="$message" "outputs?:=$outputs")

# Retries cover Embark restarting; a repeated report of the same outcome is a
# no-op there, so retrying a request that did land is harmless.
if ! response=$(http_json POST "$(embark_url /internal/provision-complete)" "$token" "$body" \
  --retry 4 --retry-delay 3 --retry-connrefused); then
  [[ -n $response ]] && printf 'Embark answered: %s\n' "$response" >&2
  fail "Embark did not accept the $status report for job $JOB_ID"
fi

set_output status "$status"
set_output failure_stage "$failure_stage"
stage_succeeded "reported $status${failure_stage:+ at $failure_stage}" \
  "$(json_obj status="$status" "failure_stage?=$failure_stage")"
