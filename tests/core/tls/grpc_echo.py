#!/usr/bin/python3
"""One real gRPC call over mutual TLS, as Ray's gRPC uses it.

Usage: grpc_echo.py SERVER_BUNDLE CLIENT_BUNDLE HOST

Starts an echo service (a generic handler, so no generated code is needed) whose server
requires a client certificate, dials it as HOST with the client bundle, and prints "echo ok"
with exit code 0, or the gRPC failure with exit code 1.
"""

import sys
from concurrent import futures

import grpc

METHOD = "/raysec.test.Echo/Say"


def read(path):
    with open(path, "rb") as f:
        return f.read()


class EchoHandler(grpc.GenericRpcHandler):
    def service(self, handler_call_details):
        if handler_call_details.method != METHOD:
            return None
        return grpc.unary_unary_rpc_method_handler(lambda request, context: request)


def main():
    server_dir, client_dir, host = sys.argv[1:4]
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=2))
    server.add_generic_rpc_handlers((EchoHandler(),))
    server_credentials = grpc.ssl_server_credentials(
        [(read(server_dir + "/tls.key"), read(server_dir + "/tls.crt"))],
        root_certificates=read(server_dir + "/ca.crt"),
        require_client_auth=True,
    )
    port = server.add_secure_port("[::]:0", server_credentials)
    server.start()
    try:
        channel_credentials = grpc.ssl_channel_credentials(
            root_certificates=read(client_dir + "/ca.crt"),
            private_key=read(client_dir + "/tls.key"),
            certificate_chain=read(client_dir + "/tls.crt"),
        )
        options = [("grpc.enable_http_proxy", 0)]
        with grpc.secure_channel(f"{host}:{port}", channel_credentials, options) as channel:
            reply = channel.unary_unary(METHOD)(b"ping", timeout=10)
        if reply != b"ping":
            print("unexpected reply", reply)
            return 1
        print("echo ok")
        return 0
    except grpc.RpcError as error:
        print(f"rpc failed: {error.code()} {error.details()}")
        return 1
    finally:
        server.stop(None)


if __name__ == "__main__":
    sys.exit(main())
