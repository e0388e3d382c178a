#!/usr/bin/python3
"""A stand-in for a Ray dashboard that answers with large bodies, for the gateway's relay tests.

GET /api/jobs/<id>/logs?bytes=N&framing=length|chunked|close|cut answers N bytes of a fixed
pattern (byte k is ((k % 65536) * 31 + 7) % 256): framed by Content-Length, chunked, ended by
closing the connection, or announced with Content-Length and cut off halfway. Every request must
carry Ray's token (argv[2] names the file holding it), as the gateway adds it; otherwise 401.
"""
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

PORT = int(sys.argv[1])
with open(sys.argv[2], encoding="ascii") as token_file:
    EXPECTED = "Bearer " + token_file.read().strip()
BLOCK = bytes(((i * 31 + 7) & 255) for i in range(65536))


def pattern(size):
    whole, rest = divmod(size, len(BLOCK))
    for _ in range(whole):
        yield BLOCK
    if rest:
        yield BLOCK[:rest]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.headers.get("Authorization") != EXPECTED:
            self.send_response(401)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        query = parse_qs(urlparse(self.path).query)
        size = int(query.get("bytes", ["0"])[0])
        framing = query.get("framing", ["length"])[0]
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        if framing in ("length", "cut"):
            self.send_header("Content-Length", str(size))
        elif framing == "chunked":
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        sent = 0
        for piece in pattern(size):
            if framing == "cut" and sent + len(piece) > size // 2:
                self.wfile.flush()
                self.close_connection = True
                return
            if framing == "chunked":
                self.wfile.write(b"%x\r\n" % len(piece) + piece + b"\r\n")
            else:
                self.wfile.write(piece)
            sent += len(piece)
        if framing == "chunked":
            self.wfile.write(b"0\r\n\r\n")


server = ThreadingHTTPServer(("127.0.0.1", PORT), Handler)
print("ready", flush=True)
server.serve_forever()
