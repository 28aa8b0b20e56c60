#!/usr/bin/env bash
# Stage zuplo_sync: upserts the tenant's API consumer in the Zuplo gateway.
#
# Routes live in the Zuplo project itself; what changes per tenant is the
# consumer, whose metadata the gateway reads to send the tenant's traffic to
# its host. A new consumer gets an API key, which stays in Zuplo (the response
# holding it is never printed).
#
# Environment:
#   ZUPLO_ACCOUNT_NAME, ZUPLO_BUCKET_NAME  where consumers live
#   ZUPLO_API_KEY                          Zuplo Developer API key (secret)
#   TENANT_ID, SUBDOMAIN_SLUG, CANONICAL_HOSTNAME
#   ZUPLO_API_URL                          default https://dev.zuplo.com
#   EMBARK_URL, EMBARK_API_KEY, TRACE_ID, JOB_ID (see lib.sh)
# Outputs:
#   zuplo_consumer  the consumer's name, tenant-<safe tenant id>
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

stage_begin zuplo_sync
require_env ZUPLO_ACCOUNT_NAME ZUPLO_BUCKET_NAME ZUPLO_API_KEY TENANT_ID SUBDOMAIN_SLUG CANONICAL_HOSTNAME
[[ $ZUPLO_ACCOUNT_NAME =~ ^[A-Za-z0-9_-]+$ ]] || fail "ZUPLO_ACCOUNT_NAME is not a valid account name"
[[ $ZUPLO_BUCKET_NAME =~ ^[A-Za-z0-9_-]+$ ]] || fail "ZUPLO_BUCKET_NAME is not a valid bucket name"

# Zuplo consumer names allow [a-z0-9-] only.
consumer="tenant-$(safe_id "$TENANT_ID" 120)"
[[ $consumer != "tenant-" ]] || fail "tenant_id '$TENANT_ID' leaves nothing for a consumer name"
base="${ZUPLO_API_URL:-https://dev.zuplo.com}/v1/accounts/$ZUPLO_ACCOUNT_NAME/key-buckets/$ZUPLO_BUCKET_NAME/consumers"

metadata=$(json_obj tenant_id="$TENANT_ID" subdomain_slug="$SUBDOMAIN_SLUG" \
  canonical_hostname="$CANONICAL_HOSTNAME" upstream_url="https://$CANONICAL_HOSTNAME")
tags=$(json_obj tenant_id="$TENANT_ID")
description="Embark tenant $TENANT_ID ($CANONICAL_HOSTNAME)"
response=$WORK_DIR/response.json

status=$(http_status GET "$base/$consumer" "$ZUPLO_API_KEY" "" "$response") || fail "Zuplo did not answer"
case $status in
  200)
    action=updated
    body=$(json_obj description="$description" metadata:="$metadata" tags:="$tags")
    status=$(http_status PATCH "$base/$consumer" "$ZUPLO_API_KEY" "$body" "$response") || fail "Zuplo did not answer"
    ;;
  404)
    action=created
    body=$(json_obj name="$consumer" description="$description" metadata:="$metadata" tags:="$tags")
    status=$(http_status POST "$base?with-api-key=true" "$ZUPLO_API_KEY" "$body" "$response") || fail "Zuplo did not answer"
    ;;
  *) fail "Zuplo answered $status looking up consumer $consumer" ;;
esac
[[ $status == 2?? ]] || fail "Zuplo answered $status when the consumer $consumer was to be $action"

set_output zuplo_consumer "$consumer"
stage_succeeded "Zuplo consumer $consumer $action" "$(json_obj consumer="$consumer" action="$action")"
