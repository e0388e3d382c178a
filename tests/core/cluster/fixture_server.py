"""Serves the dashboard fixtures over HTTPS (Python's ssl module, OpenSSL underneath) for the
end-to-end tests: prints the port once listening, answers the six endpoints from files."""
import http.server
import ssl
import sys

ROUTES = {
    "/api/version": "version.json",
    "/api/authentication_mode": "authentication_mode.json",
    "/api/cluster_status": "cluster_status.json",
    "/api/v0/nodes": "nodes.json",
    "/api/jobs/": "jobs.json",
    "/api/v0/tasks/summarize": "task_summary.json",
}


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        name = ROUTES.get(self.path.split("?", 1)[0])
        if name is None:
            self.send_error(404)
            return
        with open(f"{sys.argv[1]}/{name}", "rb") as f:
            body = f.read()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def main():
    root, cert, key = sys.argv[1:4]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    print(server.server_address[1], flush=True)
    server.serve_forever()


main()
