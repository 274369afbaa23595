#!/usr/bin/env python3
"""The FinWise sync protocol from Python, with python-socketio and the standard library.

    npm start                               # another terminal
    python3 examples/python_sync.py         # FINWISE_URL=http://host:port to point elsewhere

Debian/Ubuntu: apt-get install python3-socketio python3-websocket
(pip: pip install "python-socketio[client]")

It signs up, connects two devices of the household to the namespace /sync, pushes a new
account from one, receives it live on the other (sync:changes), pulls the change feed, merges a
per-field conflict and shows the documented errors. Every step asserts what docs/protocol.md
promises and the script exits with status 1 when one does not hold.
"""
import json
import os
import secrets
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from datetime import datetime, timezone

import socketio

SERVER = os.environ.get("FINWISE_URL", "http://localhost:3000").rstrip("/")
NAMESPACE = "/sync"


def http(method, path, body=None, token=None):
    """JSON request against /api; returns (status, parsed body)."""
    request = urllib.request.Request(SERVER + "/api" + path, method=method)
    request.add_header("content-type", "application/json")
    if token:
        request.add_header("authorization", "Bearer " + token)
    data = None if body is None else json.dumps(body).encode()
    try:
        with urllib.request.urlopen(request, data, timeout=30) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


class Clock:
    """A hybrid logical clock: <ISO UTC with ms>-<counter 4 hex>-<node id 16 hex>.

    Every local change takes max(wall clock, last time) and bumps the counter when time did not
    advance; every received row's updatedAt is observed so the next change sorts after it.
    """

    def __init__(self):
        self.node_id = secrets.token_hex(8)
        self.ms = 0
        self.counter = 0

    def tick(self):
        wall = int(time.time() * 1000)
        if wall > self.ms:
            self.ms, self.counter = wall, 0
        else:
            self.counter += 1
        return self.format()

    def observe(self, hlc):
        iso, counter, _node = hlc.rsplit("-", 2)
        ms = int(datetime.strptime(iso, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=timezone.utc).timestamp() * 1000)
        if (ms, int(counter, 16)) > (self.ms, self.counter):
            self.ms, self.counter = ms, int(counter, 16)

    def format(self):
        when = datetime.fromtimestamp(self.ms / 1000, tz=timezone.utc)
        return "%s.%03dZ-%04x-%s" % (when.strftime("%Y-%m-%dT%H:%M:%S"), self.ms % 1000, self.counter, self.node_id)


class Device:
    """One connected device: a socket, a clock, a cursor and the rows it has seen."""

    def __init__(self, name, token):
        self.name = name
        self.clock = Clock()
        self.cursor = None
        self.rows = {}
        self.broadcasts = []
        self.changed = threading.Event()
        self.sio = socketio.Client(reconnection=False)
        self.sio.on("sync:changes", self.on_changes, namespace=NAMESPACE)
        # Websocket only, like every FinWise client: no sticky sessions needed behind a load balancer.
        self.sio.connect(SERVER, namespaces=[NAMESPACE], transports=["websocket"],
                         auth={"token": token, "clientId": name})

    def on_changes(self, payload):
        self.broadcasts.append(payload)
        # A broadcast continues our feed only when it starts at our cursor; otherwise pull.
        if payload["fromCursor"] == self.cursor:
            self.apply(payload["changes"])
            self.cursor = payload["cursor"]
        self.changed.set()

    def apply(self, changes):
        for change in changes:
            record = change["record"]
            self.clock.observe(record["updatedAt"])
            self.rows[(change["modelName"], record["id"])] = record

    def call(self, event, payload):
        # A call sent after the access token expired gets no reply: the server closes the socket
        # instead (the "disconnect" event) and applies nothing. A long-running client then
        # refreshes (POST /api/auth/refresh), connects again and repeats the call: harmless.
        return self.sio.call(event, payload, namespace=NAMESPACE, timeout=20)

    def pull_all(self):
        """Catch up from the stored cursor, page by page; returns the first page's total."""
        total = None
        while True:
            page = self.call("sync:pull", {"cursor": self.cursor, "limit": 500})
            check("error" not in page, "pull failed: %s" % page)
            if total is None:
                total = page.get("total")
            self.apply(page["changes"])
            self.cursor = page["cursor"]
            if not page["hasMore"]:
                return total

    def push(self, mutations):
        ack = self.call("sync:push", {"mutations": mutations})
        if "results" in ack:
            self.apply([{"modelName": m["modelName"], "record": r["record"]}
                        for m, r in zip(mutations, ack["results"]) if r.get("record")])
            # Our own changes come back in the ack, not as a broadcast.
            if ack["fromCursor"] == self.cursor:
                self.cursor = ack["cursor"]
        return ack

    def mutation(self, model_name, operation, data, hlc=None):
        return {"mutationId": str(uuid.uuid4()), "modelName": model_name, "operation": operation,
                "data": data, "hlc": hlc or self.clock.tick()}

    def close(self):
        self.sio.disconnect()


def check(condition, message):
    if not condition:
        print("FAILED: " + message, file=sys.stderr)
        sys.exit(1)


def wait_for(predicate, what, timeout=10.0):
    deadline = time.time() + timeout
    while not predicate():
        check(time.time() < deadline, "timed out waiting for " + what)
        time.sleep(0.02)


def main():
    email = "python-%d-%s@example.com" % (time.time(), secrets.token_hex(3))
    status, session = http("POST", "/auth/signup", {"email": email, "password": "a long password"})
    check(status == 201, "sign-up answered %s %s" % (status, session))
    token = session["accessToken"]
    print("signed up %s, household %s" % (email, session["tenant"]["id"]))

    # A missing, forged or expired token: the handshake is refused with connect_error "unauthorized".
    refused = []
    intruder = socketio.Client(reconnection=False)
    intruder.on("connect_error", refused.append, namespace=NAMESPACE)
    try:
        intruder.connect(SERVER, namespaces=[NAMESPACE], transports=["websocket"], auth={"token": "not a token"})
        check(False, "a forged token was accepted")
    except socketio.exceptions.ConnectionError:
        pass
    finally:
        intruder.disconnect()
    check(refused and refused[0].get("message") == "unauthorized", "expected connect_error unauthorized, got %s" % refused)
    print("a bad token is refused: connect_error %s" % refused[0]["message"])

    phone = Device("phone", token)
    laptop = Device("laptop", token)
    try:
        check(phone.pull_all() == 0 and laptop.pull_all() == 0, "a new household starts empty")

        # 1. Push from the phone; the laptop receives it live.
        account_id = str(uuid.uuid4())
        account = {"id": account_id, "name": "Giro", "type": "checking", "currency": "EUR",
                   "onBudget": True, "closed": False, "sortOrder": 0}
        create = phone.mutation("accounts", "create", account)
        ack = phone.push([create])
        check(ack["results"][0]["status"] == "applied", "create was not applied: %s" % ack)
        print("phone pushed an account: %s, cursor %s -> %s" % (ack["results"][0]["status"], ack["fromCursor"], ack["cursor"]))
        check(laptop.changed.wait(10), "the laptop got no sync:changes")
        live = laptop.rows.get(("accounts", account_id))
        check(live is not None and live["name"] == "Giro", "the broadcast did not carry the account")
        check(laptop.cursor == phone.cursor, "both devices should be at the same cursor")
        print("laptop received it live: %s (note %s)" % (live["name"], live["note"]))

        # 2. Re-sending the same mutation changes nothing: a lost ack is harmless.
        again = phone.call("sync:push", {"mutations": [create]})
        check(again["results"][0]["status"] == "stale" and again["fromCursor"] == again["cursor"], "a re-sent create must be stale")

        # 3. Offline edits of different fields of the same row both survive (per-field merge);
        #    the same field goes to the newer clock.
        laptop.changed.clear()
        older = phone.clock.tick()
        time.sleep(0.01)
        newer = laptop.clock.tick()
        check(newer > older, "HLCs compare as strings")
        phone.push([phone.mutation("accounts", "update", {"id": account_id, "note": "joint account"}, older)])
        laptop.push([laptop.mutation("accounts", "update", {"id": account_id, "name": "Giro (joint)", "sortOrder": 5}, newer)])
        late = phone.push([phone.mutation("accounts", "update", {"id": account_id, "sortOrder": 1}, older)])
        check(late["results"][0]["status"] == "stale", "an older write to the same field must lose: %s" % late)
        laptop.pull_all()
        phone.pull_all()
        merged = phone.rows[("accounts", account_id)]
        check((merged["name"], merged["note"], merged["sortOrder"]) == ("Giro (joint)", "joint account", 5),
              "per-field merge went wrong: %s" % merged)
        check(laptop.rows[("accounts", account_id)] == merged, "both devices must hold the same row")
        print("per-field merge: name=%r note=%r sortOrder=%r on both devices" % (merged["name"], merged["note"], merged["sortOrder"]))

        # 4. A fresh device loads everything with a total for its progress bar.
        tablet = Device("tablet", token)
        try:
            total = tablet.pull_all()
            check(total == 1 and tablet.rows[("accounts", account_id)] == merged, "initial load should bring the one row")
            print("tablet initial load: %d row(s), cursor %s" % (total, tablet.cursor))
        finally:
            tablet.close()

        # 5. Documented errors: per mutation (rejected + code) and per request (error ack).
        bad = phone.push([
            phone.mutation("no_such_entity", "create", {"id": str(uuid.uuid4())}),
            phone.mutation("accounts", "update", {"id": account_id, "tenantId": str(uuid.uuid4())}),
            phone.mutation("accounts", "update", {"id": account_id, "name": "x"}, "2099-01-01T00:00:00.000Z-0000-" + phone.clock.node_id),
            phone.mutation("accounts", "update", {"id": str(uuid.uuid4()), "name": "x"}),
        ])
        codes = [r["error"]["code"] for r in bad["results"]]
        check(codes == ["unknown_model", "validation", "clock_skew", "not_found"], "unexpected codes %s" % codes)
        check(bad["fromCursor"] == bad["cursor"], "nothing may be applied")
        print("rejected mutations: %s" % ", ".join(codes))
        too_many = phone.call("sync:push", {"mutations": [phone.mutation("accounts", "delete", {"id": str(uuid.uuid4())})] * 501})
        check(too_many.get("error", {}).get("code") == "batch_too_large", "501 mutations must be refused whole")
        garbage = phone.call("sync:pull", {"cursor": "garbage"})
        check(garbage.get("error", {}).get("code") == "validation", "a malformed cursor must be a validation error")
        print("refused requests: batch_too_large, validation")
    finally:
        phone.close()
        laptop.close()
    print("python example: all steps behaved as documented")


if __name__ == "__main__":
    main()
