#!/usr/bin/env bash
# Stage dns (best effort): points canonical_hostname at the server with an A
# record in Cloudflare. A tenant can be served before its DNS is right, so this
# script never fails the run: a failure is reported as a "failed" trace event
# and a warning, and the script still exits 0.
#
# Environment:
#   CLOUDFLARE_API_TOKEN, CLOUDFLARE_ZONE_ID  (secret; the stage is skipped without them)
#   CANONICAL_HOSTNAME  record name
#   SERVER_IP           record content
#   CLOUDFLARE_PROXIED  "true" to proxy through Cloudflare, default false
#   CLOUDFLARE_API_URL  default https://api.cloudflare.com/client/v4
#   EMBARK_URL, EMBARK_API_KEY, TRACE_ID, JOB_ID (see lib.sh)
# Outputs:
#   dns_status  created | updated | skipped | failed
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

stage_begin dns

if [[ -z ${CLOUDFLARE_API_TOKEN:-} || -z ${CLOUDFLARE_ZONE_ID:-} ]]; then
  set_output dns_status skipped
  stage_finish skipped "CLOUDFLARE_API_TOKEN or CLOUDFLARE_ZONE_ID is not set"
  exit 0
fi

dns_fail() {
  printf '%s' "$*" >"$WORK_DIR/error"
  exit 1
}

# Runs in a subshell with its own errexit so that any failure, expected or
# not, lands in the soft-failure branch below instead of ending the script.
upsert() {
  local host=${CANONICAL_HOSTNAME:-} ip=${SERVER_IP:-} proxied=false zones list record_id body
  [[ -n $host ]] || dns_fail "CANONICAL_HOSTNAME is empty"
  [[ -n $ip ]] || dns_fail "SERVER_IP is empty"
  valid_hostname "$host" || dns_fail "'$host' is not a host name"
  [[ $ip =~ ^[0-9]{1,3}(\.[0-9]{1,3}){3}$ ]] || dns_fail "'$ip' is not an IPv4 address"
  [[ $CLOUDFLARE_ZONE_ID =~ ^[A-Za-z0-9]+$ ]] || dns_fail "CLOUDFLARE_ZONE_ID is not a zone id"
  [[ ${CLOUDFLARE_PROXIED:-} == "true" ]] && proxied=true
  zones="${CLOUDFLARE_API_URL:-https://api.cloudflare.com/client/v4}/zones/$CLOUDFLARE_ZONE_ID"

  list=$(http_json GET "$zones/dns_records?type=A&name=$host" "$CLOUDFLARE_API_TOKEN") ||
    dns_fail "Cloudflare refused the record lookup for $host"
  [[ $(json_get success <<<"$list") == "true" ]] || dns_fail "Cloudflare reported an error looking up $host"
  record_id=$(json_get result.0.id <<<"$list")

  body=$(json_obj type=A name="$host" content="$ip" ttl:=1 proxied:="$proxied")
  if [[ -n $record_id ]]; then
    http_json PUT "$zones/dns_records/$record_id" "$CLOUDFLARE_API_TOKEN" "$body" >/dev/null ||
      dns_fail "Cloudflare refused to update the A record for $host"
    printf 'updated'
  else
    http_json POST "$zones/dns_records" "$CLOUDFLARE_API_TOKEN" "$body" >/dev/null ||
      dns_fail "Cloudflare refused to create the A record for $host"
    printf 'created'
  fi
}

set +e
action=$(set -e; upsert)
rc=$?
set -e

if ((rc == 0)); then
  set_output dns_status "$action"
  stage_succeeded "A record $CANONICAL_HOSTNAME -> $SERVER_IP $action" \
    "$(json_obj hostname="$CANONICAL_HOSTNAME" server_ip="$SERVER_IP" action="$action")"
else
  reason=$(cat "$WORK_DIR/error" 2>/dev/null || true)
  reason=${reason:-"DNS update exited with status $rc"}
  warn "DNS not updated, the run continues: $reason"
  set_output dns_status failed
  stage_finish failed "$reason"
fi
exit 0
