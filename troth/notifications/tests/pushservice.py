"""A push service for the tests: a small HTTP receiver on 127.0.0.1 that
plays both the browser's push service and the browser.

It holds a real P-256 key pair and auth secret (what a browser makes when it
subscribes), takes what Troth POSTs, answers with the status it is told to
(201 by default), decrypts the body with http_ece (aes128gcm, RFC 8291) and
verifies the VAPID JWT (RFC 8292) the way a push service does: an ES256
signature by the public key in the header, `aud` the endpoint's origin,
`exp` in the future and at most 24 hours ahead. Nothing here talks to any
address but 127.0.0.1.
"""

from __future__ import annotations

import base64
import json
import os
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import http_ece
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes


class PushService:
    def __init__(self) -> None:
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.auth = os.urandom(16)
        self.received: list[Received] = []
        self.answers: list[tuple[int, dict[str, str]]] = []
        self.lock = threading.Lock()
        service = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                with service.lock:
                    service.received.append(
                        Received(
                            self.path,
                            {k.lower(): v for k, v in self.headers.items()},
                            body,
                        )
                    )
                    status, headers = (
                        service.answers.pop(0) if service.answers else (201, {})
                    )
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    @property
    def host(self) -> str:
        return f"127.0.0.1:{self.port}"

    def subscription(self, name: str = "device") -> dict:
        """What the browser's PushSubscription.toJSON() gives."""
        public = self.key.public_key().public_bytes(
            Encoding.X962, PublicFormat.UncompressedPoint
        )
        return {
            "endpoint": f"http://{self.host}/push/{name}",
            "expirationTime": None,
            "keys": {"p256dh": b64(public), "auth": b64(self.auth)},
        }

    def answer(self, status: int, **headers: str) -> None:
        """Answer the next POST with `status` instead of 201."""
        self.answers.append((status, headers))

    def decrypt(self, received: Received) -> dict:
        assert received.headers["content-encoding"] == "aes128gcm"
        plain = http_ece.decrypt(
            received.body,
            private_key=self.key,
            auth_secret=self.auth,
            version="aes128gcm",
        )
        return json.loads(plain)

    def claims(self, received: Received, *, server_key: str) -> dict:
        """The VAPID claims, after checking them as a push service would."""
        scheme, _sep, params = received.headers["authorization"].partition(" ")
        assert scheme == "vapid"
        parts = dict(p.strip().split("=", 1) for p in params.split(","))
        # The key that signs is the one the browser subscribed with.
        assert parts["k"] == server_key
        signing_input, _dot, signature = parts["t"].rpartition(".")
        header = json.loads(unb64(signing_input.split(".")[0]))
        assert header["alg"] == "ES256"
        raw = unb64(signature)
        assert len(raw) == 64
        public = ec.EllipticCurvePublicKey.from_encoded_point(
            ec.SECP256R1(), unb64(parts["k"])
        )
        public.verify(  # raises InvalidSignature
            encode_dss_signature(
                int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big")
            ),
            signing_input.encode(),
            ec.ECDSA(hashes.SHA256()),
        )
        claims = json.loads(unb64(signing_input.split(".")[1]))
        assert claims["aud"] == f"http://{self.host}"
        assert time.time() < claims["exp"] <= time.time() + 24 * 3600
        assert claims["sub"].startswith(("mailto:", "https:"))
        return claims
