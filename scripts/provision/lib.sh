# shellcheck shell=bash
# Helpers shared by the provision workflow's step scripts. Sourced, never run.
#
# Environment read here:
#   EMBARK_URL        base URL of Embark (no trailing slash needed)
#   EMBARK_API_KEY    scoped API key (trace:write, nodes:read, nodes:write, provision:callback)
#   TRACE_ID          trace to post events to; events are skipped when empty
#   RUN_URL           this run's URL, sent with each stage's "started" event
#   JOB_ID            provision job the events belong to
#   GITHUB_OUTPUT     step output file (outputs are printed to stdout when unset)
#   GITHUB_ACTIONS    "true" on a runner: enables ::add-mask:: commands
#   EMBARK_JSON_TOOL  "jq" or "node"; default jq when installed, else node

warn() { printf '::warning::%s\n' "$*" >&2; }
error() { printf '::error::%s\n' "$*" >&2; }

# Prints a value only on a runner: elsewhere the command would print the value itself.
mask() {
  if [[ ${GITHUB_ACTIONS:-} == "true" && -n ${1:-} ]]; then
    printf '::add-mask::%s\n' "$1"
  fi
}

require_env() {
  local name missing=()
  for name in "$@"; do
    [[ -n ${!name:-} ]] || missing+=("$name")
  done
  if ((${#missing[@]})); then
    fail "missing required environment: ${missing[*]}"
  fi
}

set_output() {
  local name=$1 value=${2-}
  if [[ $value == *$'\n'* || $value == *$'\r'* ]]; then
    fail "output $name must be a single line"
  fi
  if [[ -n ${GITHUB_OUTPUT:-} ]]; then
    printf '%s=%s\n' "$name" "$value" >>"$GITHUB_OUTPUT"
  else
    printf 'output %s=%s\n' "$name" "$value"
  fi
}

# --- JSON --------------------------------------------------------------------
# Values travel on stdin, NUL-separated, rather than as program arguments:
# a message such as "--help" or one with quotes and newlines cannot be taken
# for an option or break the quoting.

_json_tool() {
  local tool=${EMBARK_JSON_TOOL:-}
  if [[ -z $tool ]]; then
    if command -v jq >/dev/null 2>&1; then tool=jq
    elif command -v node >/dev/null 2>&1; then tool=node
    else
      error "neither jq nor node is installed: cannot build JSON"
      return 1
    fi
  fi
  case $tool in
    jq | node) printf '%s' "$tool" ;;
    *) error "EMBARK_JSON_TOOL must be jq or node, not '$tool'"; return 1 ;;
  esac
}

# json_obj key=value ...   builds one JSON object, keys in argument order.
#   key=value     string
#   key:=json     raw JSON (true, 3, {"a":1})
#   key?=value    string, left out when value is empty
#   key?:=json    raw JSON, left out when empty
json_obj() {
  local arg spec value kind optional tool
  local -a triples=()
  for arg in "$@"; do
    if [[ $arg != *=* ]]; then
      error "json_obj: expected key=value, got '$arg'"
      return 2
    fi
    spec=${arg%%=*}
    value=${arg#*=}
    kind=s
    optional=0
    if [[ $spec == *: ]]; then kind=j; spec=${spec%:}; fi
    if [[ $spec == *\? ]]; then optional=1; spec=${spec%\?}; fi
    if ((optional)) && [[ -z $value ]]; then continue; fi
    triples+=("$spec" "$kind" "$value")
  done
  tool=$(_json_tool) || return 1
  if ((${#triples[@]} == 0)); then
    printf '{}\n'
    return 0
  fi
  if [[ $tool == jq ]]; then
    # jq 1.6 drops a trailing empty field from split, 1.7 keeps it: cut by count.
    printf '%s\0' "${triples[@]}" | jq -cRs --argjson n "${#triples[@]}" '
      split("\u0000")[:$n] as $a
      | [range(0; $a | length; 3) as $i
         | {key: $a[$i], value: (if $a[$i + 1] == "j" then ($a[$i + 2] | fromjson) else $a[$i + 2] end)}]
      | from_entries'
  else
    printf '%s\0' "${triples[@]}" | node -e '
      const a = require("fs").readFileSync(0, "utf8").split("\0").slice(0, Number(process.argv[1]));
      const o = {};
      for (let i = 0; i < a.length; i += 3) o[a[i]] = a[i + 1] === "j" ? JSON.parse(a[i + 2]) : a[i + 2];
      process.stdout.write(JSON.stringify(o) + "\n");' "${#triples[@]}"
  fi
}

# json_get path < json   prints the value at a dotted path ("result.0.id"):
# strings raw, other values as JSON, nothing when absent or null. Fails on
# input that is not JSON.
json_get() {
  local path=$1 tool
  tool=$(_json_tool) || return 1
  if [[ $tool == jq ]]; then
    jq -r --arg p "$path" '
      ($p | split(".") | map(if test("^[0-9]+$") then tonumber else . end)) as $path
      | (try getpath($path) catch null)
      | if . == null then empty elif type == "string" then . else tojson end'
  else
    node -e '
      const input = require("fs").readFileSync(0, "utf8");
      let v = JSON.parse(input);
      for (const k of process.argv[1].split(".")) v = v !== null && typeof v === "object" ? v[k] : undefined;
      if (v !== undefined && v !== null) process.stdout.write((typeof v === "string" ? v : JSON.stringify(v)) + "\n");' "$path"
  fi
}

# --- HTTP --------------------------------------------------------------------

# The Authorization header goes through a private file, not argv, so the token
# never appears in a process listing. Sets _HEADER_FILE; callers remove it.
_auth_header_file() {
  local token=$1
  if [[ $token == *$'\n'* || $token == *$'\r'* ]]; then
    error "token contains a line break"
    return 1
  fi
  _HEADER_FILE=$(mktemp)
  chmod 600 "$_HEADER_FILE"
  printf 'Authorization: Bearer %s\n' "$token" >"$_HEADER_FILE"
}

# http_json METHOD URL TOKEN [BODY] [curl options...]
# Prints the response body; fails (curl exit 22) on an HTTP error status.
http_json() {
  local method=$1 url=$2 token=$3 body=${4-}
  shift $(($# < 4 ? $# : 4))
  _auth_header_file "$token" || return 1
  local rc=0
  local -a args=(-sS --fail-with-body --connect-timeout 10 --max-time 60 -X "$method" -H "@$_HEADER_FILE" -H "Accept: application/json")
  if [[ -n $body ]]; then
    printf '%s' "$body" | curl "${args[@]}" -H "Content-Type: application/json" --data-binary @- "$@" "$url" || rc=$?
  else
    curl "${args[@]}" "$@" "$url" </dev/null || rc=$?
  fi
  rm -f "$_HEADER_FILE"
  return "$rc"
}

# http_status METHOD URL TOKEN BODY OUTFILE
# For APIs where a 404 is an answer rather than an error: prints the status
# code, writes the body to OUTFILE, fails only when no answer came back.
http_status() {
  local method=$1 url=$2 token=$3 body=$4 out=$5
  _auth_header_file "$token" || return 1
  local rc=0
  local -a args=(-sS --connect-timeout 10 --max-time 60 -X "$method" -H "@$_HEADER_FILE" -H "Accept: application/json" -o "$out" -w '%{http_code}')
  if [[ -n $body ]]; then
    printf '%s' "$body" | curl "${args[@]}" -H "Content-Type: application/json" --data-binary @- "$url" || rc=$?
  else
    curl "${args[@]}" "$url" </dev/null || rc=$?
  fi
  rm -f "$_HEADER_FILE"
  return "$rc"
}

embark_url() {
  printf '%s%s' "${EMBARK_URL%/}" "$1"
}

# --- Trace events --------------------------------------------------------------

# trace_event STAGE STATUS [MESSAGE] [DATA_JSON]
# Best effort: tracing is for watching a run, so a lost event (Embark down, a
# bad key) only warns and never fails the step.
trace_event() {
  local stage=$1 status=$2 message=${3-} data=${4-} body
  [[ -n ${TRACE_ID:-} ]] || return 0
  if [[ -z ${EMBARK_URL:-} || -z ${EMBARK_API_KEY:-} ]]; then
    warn "trace event $stage/$status not sent: EMBARK_URL or EMBARK_API_KEY is empty"
    return 0
  fi
  if ! body=$(json_obj trace_id="$TRACE_ID" "job_id?=${JOB_ID:-}" stage="$stage" status="$status" \
    "message?=$message" "data?:=$data" source=github-actions); then
    warn "trace event $stage/$status not sent: could not build its JSON"
    return 0
  fi
  if ! http_json POST "$(embark_url /internal/trace-events)" "$EMBARK_API_KEY" "$body" --max-time 10 >/dev/null 2>&1; then
    warn "trace event $stage/$status was not recorded by Embark"
  fi
  return 0
}

# --- Stage lifecycle -----------------------------------------------------------

# stage_begin STAGE: posts "started" and, should the script exit non-zero
# before stage_succeeded, posts "failed" with the last fail() message. Also
# makes WORK_DIR, a private directory removed on exit (key files, bodies).
stage_begin() {
  _STAGE=$1
  _STAGE_DONE=0
  _STAGE_ERROR=""
  WORK_DIR=$(mktemp -d)
  chmod 700 "$WORK_DIR"
  trap '_stage_exit $?' EXIT
  # The run names itself, so Embark can link a job GitHub accepted without
  # returning the run id.
  local data=""
  [[ -n ${RUN_URL:-} ]] && data=$(json_obj run_url="$RUN_URL")
  trace_event "$_STAGE" started "" "$data"
}

_stage_exit() {
  local rc=$1
  rm -rf "${WORK_DIR:?}"
  if ((rc != 0)) && [[ ${_STAGE_DONE:-1} == 0 ]]; then
    trace_event "$_STAGE" failed "${_STAGE_ERROR:-$_STAGE exited with status $rc}"
  fi
}

# stage_finish STATUS [MESSAGE] [DATA_JSON]: the stage's last event; a later
# non-zero exit posts nothing more.
stage_finish() {
  _STAGE_DONE=1
  trace_event "$_STAGE" "$1" "${2-}" "${3-}"
}

stage_succeeded() { stage_finish succeeded "$@"; }

fail() {
  _STAGE_ERROR=$*
  error "$*"
  exit 1
}

# --- Naming --------------------------------------------------------------------

# safe_id VALUE MAX: lowercase, anything outside [a-z0-9-] becomes "-",
# cut to MAX characters, trailing hyphens trimmed. One hyphen per character,
# not per byte, whatever the runner's locale: the same name Embark's local
# runner derives (bytes only where C.UTF-8 is missing).
safe_id() {
  local LC_ALL=C.UTF-8
  local value=${1,,} max=$2
  value=${value//[^a-z0-9-]/-}
  value=${value:0:max}
  while [[ $value == *- ]]; do value=${value%-}; done
  printf '%s' "$value"
}

# pulumi_stack_name TENANT_ID REGION DEDICATED
pulumi_stack_name() {
  local tenant_id=$1 region=$2 dedicated=$3 id
  if [[ $dedicated == "true" ]]; then
    id=$(safe_id "$tenant_id" 40)
    [[ -n $id ]] || { error "tenant_id '$tenant_id' leaves nothing for a stack name"; return 1; }
    printf 'dedicated-%s' "$id"
  else
    printf '%s' "$region"
  fi
}

# random_alnum N: N random characters from [a-z0-9].
random_alnum() {
  local n=$1 alphabet=abcdefghijklmnopqrstuvwxyz0123456789 out="" byte
  for byte in $(od -An -N"$n" -tu1 /dev/urandom); do
    out+=${alphabet:byte % 36:1}
  done
  printf '%s' "$out"
}

valid_region() { [[ $1 =~ ^[a-z0-9][a-z0-9-]*$ ]]; }
valid_hostname() { [[ $1 =~ ^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$ ]]; }
# An IPv4/IPv6 address or a host name: what may go into an inventory or a URL.
valid_host() { [[ $1 =~ ^[A-Za-z0-9.:-]+$ && $1 != -* ]]; }
