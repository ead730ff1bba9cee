"""The application factory: routes, error shape, security headers and the store it reads.

Every error is `{"error": {"status": N, "message": "one line"}}` under /api and an HTML page
elsewhere, never a traceback. Stored text is hostile (it comes from the web): templates escape
everything, scripts only ever set `textContent`, and the Content-Security-Policy forbids inline
and foreign scripts, so markup inside an article is shown as text and never runs.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from rasad import __version__
from rasad.store.db import StoreError, open_existing
from rasad.web.analyse import MAX_CHARS
from rasad.web.params import BadParameter

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
                    "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"}
FORM_OVERHEAD = 64 * 1024  # multipart boundaries and the other fields of the paste form


def create_app(db_path: str | Path, *, max_chars: int = MAX_CHARS) -> FastAPI:
    """The web app over the rasad database at `db_path` (opened read-only per request).

    Raises `StoreError` at once when `db_path` is not a rasad database, so `rasad serve`
    says so before it listens."""
    open_existing(db_path).close()
    # Swagger UI and ReDoc load their JavaScript from a CDN: off. The OpenAPI JSON is served,
    # and /api/docs lists the endpoints from it as a plain page.
    app = FastAPI(title="rasad", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url="/api/openapi.json",
                  description="Events, actors and documents of a rasad store.")
    app.state.db_path = Path(db_path)
    app.state.max_chars = max_chars
    app.state.templates = _templates()
    app.mount("/static", StaticFiles(packages=[("rasad.web", "static")]), name="static")
    from rasad.web import api, pages

    app.include_router(api.router)
    app.include_router(pages.router)
    _add_error_handlers(app)
    app.middleware("http")(_guard)
    return app


def _templates() -> Jinja2Templates:
    env = Environment(loader=PackageLoader("rasad.web", "templates"),
                      autoescape=select_autoescape(["html", "svg"], default=True))
    return Jinja2Templates(env=env)


@contextmanager
def reader(request: Request) -> Iterator[sqlite3.Connection]:
    """A read-only connection for one request, opened in the thread that uses it."""
    try:
        conn = open_existing(request.app.state.db_path)
    except StoreError as error:  # the file was removed or replaced while serving
        raise HTTPException(503, str(error)) from error
    try:
        yield conn
    finally:
        conn.close()


async def _guard(request: Request, call_next: Any) -> Response:
    """Refuse oversized bodies before reading them; add the security headers to every answer."""
    length = request.headers.get("content-length", "")
    limit = request.app.state.max_chars * 4 + FORM_OVERHEAD  # UTF-8: at most 4 bytes a char
    if length.isdigit() and int(length) > limit:
        response: Response = _error(request, 413, f"the request body has {int(length):,} bytes; "
                                    f"at most {limit:,} are accepted")
    else:
        response = await call_next(request)
    response.headers.update(SECURITY_HEADERS)
    return response


def _error(request: Request, status: int, message: str) -> Response:
    if request.url.path.startswith("/api"):
        return JSONResponse({"error": {"status": status, "message": message}}, status_code=status)
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, "error.html",
                                      {"status": status, "message": message}, status_code=status)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        message = str(error.detail)
        if error.status_code in (404, 405) and message in ("Not Found", "Method Not Allowed"):
            message = f"{message.lower()}: {request.method} {request.url.path}"
        return _error(request, error.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> Response:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:]) or e['loc'][0]}: {e['msg']}"
                             for e in error.errors())
        return _error(request, 422, problems or "invalid request")

    @app.exception_handler(BadParameter)
    async def bad_parameter(request: Request, error: BadParameter) -> Response:
        return _error(request, 400, str(error))

    @app.exception_handler(sqlite3.Error)
    async def store_failed(request: Request, error: sqlite3.Error) -> Response:
        return _error(request, 503, f"the database could not answer: {error}")
