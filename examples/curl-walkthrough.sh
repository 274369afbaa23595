#!/usr/bin/env bash
# The REST API with nothing but curl: sign up, create an account and a transaction, list them
# page by page, change one, delete it, and see the documented errors.
#
#   npm start                                  # another terminal
#   bash examples/curl-walkthrough.sh          # FINWISE_URL=http://host:port to point elsewhere
#
# Every step checks the HTTP status it expects and stops with exit code 1 otherwise.
# JSON fields are read with node (always present in this workspace) so that jq is not needed.
set -euo pipefail

API="${FINWISE_URL:-http://localhost:3000}/api"
EMAIL="curl-$(date +%s)-$RANDOM@example.com"
BODY=$(mktemp)
trap 'rm -f "$BODY"' EXIT

# call METHOD PATH EXPECTED_STATUS [JSON_BODY] — prints the request, leaves the response in $BODY.
call() {
  local method=$1 path=$2 expected=$3 data=${4:-}
  local args=(-sS -X "$method" -o "$BODY" -w '%{http_code}' -H 'content-type: application/json')
  [[ -n "${TOKEN:-}" ]] && args+=(-H "authorization: Bearer $TOKEN")
  [[ -n "$data" ]] && args+=(-d "$data")
  echo "\$ curl -X $method $API$path ${data:+-d '$data'}"
  local status
  status=$(curl "${args[@]}" "$API$path")
  echo "  → $status $(head -c 300 "$BODY")"
  if [[ "$status" != "$expected" ]]; then
    echo "expected HTTP $expected, got $status" >&2
    exit 1
  fi
}

# field PATH — one value out of the last response body, e.g. field tenant.id
field() {
  node -e '
    let value = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    for (const key of process.argv[2].split(".")) value = value?.[key];
    if (value === undefined) { console.error(`no ${process.argv[2]} in the response`); process.exit(1); }
    process.stdout.write(typeof value === "string" ? value : JSON.stringify(value));
  ' "$BODY" "$1"
}

expect_field() {
  local actual
  actual=$(field "$1")
  if [[ "$actual" != "$2" ]]; then
    echo "expected $1 = $2, got $actual" >&2
    exit 1
  fi
}

echo "== 1. Sign up: a user and a new household; the answer carries the tokens"
call POST /auth/signup 201 "{\"email\":\"$EMAIL\",\"password\":\"a long password\",\"tenantName\":\"Walkthrough\"}"
TOKEN=$(field accessToken)
expect_field tenant.name Walkthrough

echo "== 2. Without a token the API answers 401 with the common error body"
SAVED_TOKEN=$TOKEN
TOKEN=''
call GET /accounts 401
expect_field error Unauthorized
TOKEN=$SAVED_TOKEN

echo "== 3. Create an account (money is always integer minor units; ids are made by the server when left out)"
call POST /accounts 201 '{"name":"Giro","type":"checking","currency":"EUR","onBudget":true,"closed":false,"sortOrder":0}'
ACCOUNT_ID=$(field id)
expect_field deletedAt null

echo "== 4. A client may choose the id: creating the same id again merges into the row (200)"
call POST /payees 201 '{"name":"Bakery","favorite":false}'
PAYEE_ID=$(field id)
TRANSACTION_ID=$(node -e 'console.log(require("crypto").randomUUID())')
TRANSACTION="{\"id\":\"$TRANSACTION_ID\",\"accountId\":\"$ACCOUNT_ID\",\"date\":\"2026-11-25\",\"amountMinor\":-1250,\"payeeId\":\"$PAYEE_ID\",\"notes\":\"rolls\",\"cleared\":false,\"reconciled\":false}"
call POST /transactions 201 "$TRANSACTION"
call POST /transactions 200 "$TRANSACTION"
expect_field amountMinor -1250

echo "== 5. List in keyset pages: pass 'next' as 'after' until it is null"
call POST /accounts 201 '{"name":"Savings","type":"savings","currency":"EUR","onBudget":false,"closed":false,"sortOrder":1}'
SEEN=0
AFTER=''
while :; do
  call GET "/accounts?limit=1${AFTER:+&after=$AFTER}" 200
  SEEN=$((SEEN + $(field items.length)))
  AFTER=$(field next)
  [[ "$AFTER" == null ]] && break
done
if [[ $SEEN != 2 ]]; then
  echo "expected 2 accounts over all pages, saw $SEEN" >&2
  exit 1
fi

echo "== 6. Change one field; the others keep their values and per-field clocks"
call PATCH "/transactions/$TRANSACTION_ID" 200 '{"notes":"rolls and cake"}'
expect_field notes 'rolls and cake'
expect_field amountMinor -1250

echo "== 7. Invalid data is refused with 400 and details per field; nothing is stored"
call POST /transactions 400 "{\"accountId\":\"$ACCOUNT_ID\",\"date\":\"2026-02-30\",\"amountMinor\":12.5,\"notes\":\"x\",\"cleared\":false,\"reconciled\":false}"
expect_field statusCode 400
field details >/dev/null

echo "== 8. Delete returns the tombstone; afterwards the row is 404 and its id cannot be reused (409)"
call DELETE "/transactions/$TRANSACTION_ID" 200
expect_field notes null
call GET "/transactions/$TRANSACTION_ID" 404
call POST /transactions 409 "$TRANSACTION"

echo "== 9. The change feed over HTTP: everything so far, in commit order, tombstones included"
call GET '/sync/pull?limit=1000' 200
expect_field total 4  # each row once: two accounts, the payee and the (deleted) transaction
expect_field hasMore false

echo "curl walkthrough: all steps answered as documented"
