"""The application factory: routes, error shape and the store it reads.

Every error is `{"error": {"status": N, "message": "one line"}}` under /api and an HTML page
elsewhere, never a traceback (`rasad.web.guard` adds the limits, the read-only mode and the
security headers). Stored text is hostile (it comes from the web): templates escape
everything, scripts only ever set `textContent`, and the Content-Security-Policy forbids inline
and foreign scripts, so markup inside an article is shown as text and never runs.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from rasad import __version__
from rasad.store.db import StoreError, open_existing
from rasad.web.analyse import MAX_CHARS
from rasad.web.cache import DEFAULT_SIZE, AnswerCache
from rasad.web.guard import Guard, error_response, log
from rasad.web.params import BadParameter

FORM_OVERHEAD = 64 * 1024  # multipart boundaries and the other fields of the paste form
DB_VARIABLE, READ_ONLY_VARIABLE = "RASAD_WEB_DB", "RASAD_WEB_READ_ONLY"
CACHE_VARIABLE = "RASAD_WEB_CACHE_SIZE"
T = TypeVar("T")


def create_app(db_path: str | Path, *, max_chars: int = MAX_CHARS, read_only: bool = False,
               cache_size: int = DEFAULT_SIZE) -> FastAPI:
    """The web app over the rasad database at `db_path` (opened read-only per request).

    `read_only=True` refuses every request that is not a GET (403) and hides the paste form:
    the database is never written in either mode; read-only also spends no CPU on analysis.
    `cache_size` answers of the slow queries (dyads, search) are kept until the database
    changes (`rasad.web.cache`); 0 keeps none.
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
    app.state.read_only = read_only
    app.state.answers = AnswerCache(Path(db_path), size=cache_size)
    app.state.templates = _templates(read_only=read_only)
    app.mount("/static", StaticFiles(packages=[("rasad.web", "static")]), name="static")
    from rasad.web import api, pages

    app.include_router(api.router)
    app.include_router(pages.router)
    _add_error_handlers(app)
    # UTF-8 takes at most 4 bytes a character: no body of a text under the cap is larger
    app.add_middleware(Guard, max_body=max_chars * 4 + FORM_OVERHEAD, read_only=read_only)
    return app


def app_from_environment() -> FastAPI:
    """The app for `uvicorn --factory` (what `rasad serve --workers N` runs in each worker
    process): the database, the mode and the cache size come from RASAD_WEB_DB,
    RASAD_WEB_READ_ONLY and RASAD_WEB_CACHE_SIZE, which `rasad serve` sets."""
    return create_app(os.environ[DB_VARIABLE],
                      read_only=os.environ.get(READ_ONLY_VARIABLE) == "1",
                      cache_size=int(os.environ.get(CACHE_VARIABLE, DEFAULT_SIZE)))


def _templates(*, read_only: bool) -> Jinja2Templates:
    env = Environment(loader=PackageLoader("rasad.web", "templates"),
                      autoescape=select_autoescape(["html", "svg"], default=True))
    env.globals["read_only"] = read_only  # the pages hide what a read-only server refuses
    return Jinja2Templates(env=env)


@contextmanager
def reader(request: Request) -> Iterator[sqlite3.Connection]:
    """A read-only connection for one request, opened in the thread that uses it."""
    try:
        conn = open_existing(request.app.state.db_path)
    except StoreError as error:  # the file was removed or replaced while serving
        log.error("cannot open the database: %s", error)  # the path is for the log only
        raise HTTPException(503, "the database is not available; try again later") from error
    try:
        yield conn
    finally:
        conn.close()


def answer(request: Request, query: Callable[..., T], *args: str | None, **options: str | int | None) -> T:
    """`query(conn, *args, **options)` on a read-only connection, or its answer kept in the
    app's cache from an earlier request with the same arguments (the caller must not modify
    it). The arguments are checked parameters: strings, numbers or None."""
    def compute() -> T:
        with reader(request) as conn:
            return query(conn, *args, **options)

    key = (query.__name__, args, tuple(sorted(options.items())))
    return request.app.state.answers.get(key, compute)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        message = str(error.detail)
        if error.status_code in (404, 405) and message in ("Not Found", "Method Not Allowed"):
            message = f"{message.lower()}: {request.method} {request.url.path}"
        return error_response(request, error.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> Response:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:]) or e['loc'][0]}: {e['msg']}"
                             for e in error.errors())
        return error_response(request, 422, problems or "invalid request")

    @app.exception_handler(BadParameter)
    async def bad_parameter(request: Request, error: BadParameter) -> Response:
        return error_response(request, 400, str(error))

    @app.exception_handler(sqlite3.Error)
    async def store_failed(request: Request, error: sqlite3.Error) -> Response:
        log.error("the database could not answer %s: %s", request.url.path, error)
        return error_response(request, 503, "the database could not answer; try again later")
