"""The app's outer wall: request limits, read-only mode, security headers, internal errors.

One ASGI middleware, outside every route, so that no answer leaves without the security
headers and no request reaches a route past these limits:

- a query string longer than `MAX_QUERY_BYTES` is refused (414) before anything parses it;
- in read-only mode (`rasad serve --read-only`) anything but GET, HEAD and OPTIONS is refused
  (403): pasted text is not analysed, uploads are not read;
- a body is refused from its Content-Length alone (413), before a byte of it is read; a
  chunked body, whose size is unknown until it is read, is refused with 411;
- an exception no route handled is logged with its traceback on the server and answered with
  a generic 500 that names no file, line or query (a traceback tells an attacker the code).

A pure ASGI middleware rather than `@app.middleware("http")`: it costs less per request
(that wrapper copies every response through a stream) and it sees the route's exceptions.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
                    "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"}
MAX_QUERY_BYTES = 2048  # the longest good query (a dyad with names and dates) is ~300 bytes
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
INTERNAL_ERROR = "internal error: the server could not answer this request; it has been logged"
READ_ONLY = ("this server is read-only (rasad serve --read-only): it does not analyse "
             "pasted or uploaded text; run 'rasad analyze' on your machine instead")

log = logging.getLogger("rasad.web")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


def error_response(request: Request, status: int, message: str) -> Response:
    """The one error shape: JSON under /api, the error page elsewhere."""
    if request.url.path.startswith("/api"):
        return JSONResponse({"error": {"status": status, "message": message}}, status_code=status)
    templates = request.app.state.templates
    return templates.TemplateResponse(request, "error.html",
                                      {"status": status, "message": message}, status_code=status)


class Guard:
    """Wraps the FastAPI app (see the module docstring); `max_body` is in bytes."""

    def __init__(self, app: Callable[..., Awaitable[None]], *, max_body: int,
                 read_only: bool = False) -> None:
        self.app, self.max_body, self.read_only = app, max_body, read_only

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                MutableHeaders(scope=message).update(SECURITY_HEADERS)
            await send(message)

        refusal = self.refusal(scope)
        if refusal:
            await error_response(Request(scope), *refusal)(scope, receive, send_with_headers)
            return
        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            request = Request(scope)
            log.exception("internal error answering %s %s", request.method, request.url.path)
            if started:  # the client already has a status line: all we can do is cut it off
                raise
            await error_response(request, 500, INTERNAL_ERROR)(scope, receive, send_with_headers)

    def refusal(self, scope: Scope) -> tuple[int, str] | None:
        """(status, message) when the request is refused before any route sees it."""
        query = scope.get("query_string", b"")
        if len(query) > MAX_QUERY_BYTES:
            return 414, (f"the query string has {len(query):,} bytes; at most "
                         f"{MAX_QUERY_BYTES:,} are accepted")
        if scope["method"] in SAFE_METHODS:
            return None
        if self.read_only:
            return 403, READ_ONLY
        headers = dict(scope["headers"])
        length = headers.get(b"content-length", b"").decode("latin-1")
        if not length and b"transfer-encoding" in headers:
            return 411, "send the body with a Content-Length header (chunked bodies are refused)"
        if length.isdigit() and int(length) > self.max_body:
            return 413, (f"the request body has {int(length):,} bytes; at most "
                         f"{self.max_body:,} are accepted")
        return None
