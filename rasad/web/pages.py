"""The HTML pages: server-rendered with autoescaping Jinja2 templates over `rasad.web.queries`.

Pages work without JavaScript (a chart point is a link, a search is a form); `static/app.js`
only adds the details panel of the document view.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from rasad.store.read import load_dict
from rasad.web import charts, params, queries
from rasad.web.analyse import TooLarge, analyse
from rasad.web.app import answer, reader
from rasad.web.highlight import annotations, segments

router = APIRouter(include_in_schema=False)


def _page(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
    return request.app.state.templates.TemplateResponse(request, name, context,
                                                        status_code=status)


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> Response:
    with reader(request) as conn:
        stats = queries.store_stats(conn)
        docs = queries.documents(conn, limit=20)
    return _page(request, "home.html", {"stats": stats, "docs": docs})


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: str = "", lang: str | None = None) -> Response:
    query = params.text("q", q, required=False)
    if query is None:
        return _page(request, "search.html", {"q": "", "result": None})
    result = answer(request, queries.search_data, query, lang=params.lang(lang), limit=50)
    return _page(request, "search.html", {"q": query, "result": result})


@router.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request, lang: str | None = None,
                   offset: Annotated[int, Query(ge=0, le=params.MAX_OFFSET)] = 0) -> Response:
    with reader(request) as conn:
        docs = queries.documents(conn, lang=params.lang(lang), limit=100, offset=offset)
    return _page(request, "documents.html", {"docs": docs, "lang": lang})


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str) -> Response:
    with reader(request) as conn:
        data = load_dict(conn, doc_id)
    if data is None:
        raise HTTPException(404, f"no document {doc_id!r} in this database")
    return _document(request, data, stored=True)


def _document(request: Request, data: dict[str, Any], *, stored: bool) -> Response:
    notes = annotations(data)
    return _page(request, "document.html", {
        "doc": data, "stored": stored, "notes": notes,
        "segments": segments(data["text"], notes,
                             [s["start"] for s in data.get("sentences") or ()]),
        "events": [n for n in notes if n.layer == "events"],
        "counts": {layer: len(data.get(layer) or ()) for layer in
                   ("entities", "times", "quantities", "quotes", "events")}})


@router.get("/actor/{key}", response_class=HTMLResponse)
def actor_page(request: Request, key: str, level: str | None = None, since: str | None = None,
               until: str | None = None) -> Response:
    with reader(request) as conn:
        data = queries.actor_data(conn, params.text("actor", key), level=params.level(level),
                                  since=params.day("since", since),
                                  until=params.day("until", until), limit=30)
    if data is None:
        raise HTTPException(404, f"no actor is called {key!r}: search for it by name")
    return _page(request, "actor.html", {**data, "level": params.level(level),
                                         "bars": charts.timeline_bars(data["timeline"])})


@router.get("/actor", response_class=HTMLResponse)
def actor_lookup(q: str = "") -> Response:
    """The actor form's target: /actor?q=NAME → /actor/NAME."""
    name = params.text("q", q)
    return RedirectResponse(request_path("/actor/", name), status_code=303)


def request_path(prefix: str, value: str) -> str:
    from urllib.parse import quote

    return prefix + quote(value, safe="")


@router.get("/dyad", response_class=HTMLResponse)
def dyad_page(request: Request, a: str = "", b: str = "", by: str | None = None,
              since: str | None = None, until: str | None = None,
              period: str | None = None) -> Response:
    first, second = params.text("a", a, required=False), params.text("b", b, required=False)
    context: dict[str, Any] = {"a": first or "", "b": second or "", "by": params.by(by),
                               "since": since or "", "until": until or "", "period": period,
                               "data": None}
    if first and second:
        options = {"since": params.day("since", since), "until": params.day("until", until)}
        data = answer(request, queries.dyad_data, first, second, by=params.by(by), **options)
        behind = (answer(request, queries.dyad_events, first, second, by=params.by(by),
                         period=params.period(period), **options) if period else [])
        context.update(data=data, chart=charts.dyad_chart(data["periods"]), behind=behind)
    return _page(request, "dyad.html", context)


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request, level: str | None = None, since: str | None = None,
                 until: str | None = None,
                 min_events: Annotated[int, Query(ge=1)] = 1) -> Response:
    with reader(request) as conn:
        graph = queries.network_data(conn, level=params.level(level),
                                     since=params.day("since", since),
                                     until=params.day("until", until),
                                     min_events=min_events, limit=60)
    return _page(request, "network.html", {"graph": graph, "layout": charts.network_layout(graph),
                                           "level": params.level(level), "since": since or "",
                                           "until": until or "", "min_events": min_events})


@router.get("/analyse", response_class=HTMLResponse)
def analyse_form(request: Request) -> Response:
    return _page(request, "analyse.html", {"max_chars": request.app.state.max_chars})


@router.post("/analyse", response_class=HTMLResponse)
async def analyse_page(request: Request, text: Annotated[str, Form()] = "",
                       lang: Annotated[str, Form()] = "",
                       published: Annotated[str, Form()] = "",
                       upload: Annotated[UploadFile | None, File()] = None) -> Response:
    """Analyse the pasted text, or the uploaded file (UTF-8 text) when one is given."""
    max_chars = request.app.state.max_chars
    if upload is not None and upload.filename:
        raw = await upload.read(max_chars * 4 + 1)
        if len(raw) > max_chars * 4:  # more bytes than the cap's characters can take
            raise HTTPException(413, f"{upload.filename}: too large; at most {max_chars:,} "
                                "characters are analysed here")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise HTTPException(400, f"{upload.filename}: not UTF-8 text") from error
    options = {"lang": params.lang(lang or None),
               "published": params.day("published", published or None)}
    try:
        from starlette.concurrency import run_in_threadpool

        data = await run_in_threadpool(analyse, text, max_chars=max_chars, **options)
    except TooLarge as error:
        raise HTTPException(413, str(error)) from error
    except ValueError as error:
        raise HTTPException(400, str(error)) from error
    data.setdefault("id", "")
    return _document(request, data, stored=False)


@router.get("/api/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> Response:
    """The endpoints, read from the OpenAPI schema: an offline stand-in for Swagger UI."""
    schema = request.app.openapi()
    endpoints = [{"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                  "params": [p["name"] for p in op.get("parameters", ())]}
                 for path, methods in schema["paths"].items() for method, op in methods.items()]
    return _page(request, "api_docs.html", {"endpoints": endpoints})
