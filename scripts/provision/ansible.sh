#!/usr/bin/env bash
# Stage ansible: installs the tenant on its server with the playbook.
#
# Environment:
#   ANSIBLE_DIR         directory holding playbook.yml
#   TARGET_HOST         server to configure (from pulumi_up or resolve_target)
#   TENANT_ID, SUBDOMAIN_SLUG, CANONICAL_HOSTNAME   passed to the playbook
#   DB_SERVER_IP        database host passed to the playbook ("" when unknown)
#   SSH_PRIVATE_KEY     private key for the server (secret)
#   DB_ROOT_PASSWORD    database root password passed to the playbook (secret)
#   ANSIBLE_USER        remote user, default root
#   EMBARK_URL, EMBARK_API_KEY, TRACE_ID, JOB_ID (see lib.sh)
# Installs Ansible with pipx when ansible-playbook is not on PATH.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

stage_begin ansible
require_env ANSIBLE_DIR TARGET_HOST TENANT_ID SUBDOMAIN_SLUG CANONICAL_HOSTNAME SSH_PRIVATE_KEY DB_ROOT_PASSWORD
mask "$DB_ROOT_PASSWORD"
valid_host "$TARGET_HOST" || fail "target host '$TARGET_HOST' is not a host name or address"
[[ -f $ANSIBLE_DIR/playbook.yml ]] || fail "no playbook.yml in $ANSIBLE_DIR"

if ! command -v ansible-playbook >/dev/null 2>&1; then
  pipx install --include-deps ansible >/dev/null || fail "could not install Ansible"
fi

# Secrets go to private files, not the command line, where ansible -v or a
# process listing would show them.
key_file=$WORK_DIR/ssh_key
vars_file=$WORK_DIR/extra_vars.json
(umask 077 && printf '%s\n' "$SSH_PRIVATE_KEY" >"$key_file")
(umask 077 && json_obj tenant_id="$TENANT_ID" subdomain_slug="$SUBDOMAIN_SLUG" \
  canonical_hostname="$CANONICAL_HOSTNAME" db_server_ip="${DB_SERVER_IP:-}" \
  db_root_password="$DB_ROOT_PASSWORD" >"$vars_file")

# A server Pulumi created a minute ago has a host key nobody could have pinned.
export ANSIBLE_HOST_KEY_CHECKING=False
cd "$ANSIBLE_DIR"
ansible-playbook -i "$TARGET_HOST," --user "${ANSIBLE_USER:-root}" --private-key "$key_file" \
  -e "@$vars_file" playbook.yml || fail "ansible-playbook failed on $TARGET_HOST"

stage_succeeded "playbook applied to $TARGET_HOST" "$(json_obj host="$TARGET_HOST")"
