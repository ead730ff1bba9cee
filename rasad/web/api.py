"""The JSON API under /api: everything the CLI can query, in the output contract's shapes.

Parameters are checked (`rasad.web.params`) before the store sees them; errors have one shape
(`{"error": {"status", "message"}}`, see `rasad.web.app`). The schema is at /api/openapi.json.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from pydantic import BaseModel, Field

from rasad.store.read import load_dict
from rasad.web import params, queries
from rasad.web.analyse import TooLarge, analyse
from rasad.web.app import answer, reader

router = APIRouter(prefix="/api", tags=["api"])

Limit = Annotated[int, Query(ge=1, le=1000, description="At most this many rows.")]
Since = Annotated[str | None, Query(description="First date: YYYY, YYYY-MM or YYYY-MM-DD.")]
Until = Annotated[str | None, Query(description="Last date, inclusive.")]
Level = Annotated[str | None, Query(description="country (a minister counts as his country) "
                                                "or actor (knowledge-base id).")]


@router.get("/stats", summary="What the database holds")
def get_stats(request: Request) -> dict[str, Any]:
    with reader(request) as conn:
        data = queries.store_stats(conn)
    data.pop("path", None)  # the server's file system is not the client's business
    return data


@router.get("/documents", summary="Stored documents, newest first")
def list_documents(request: Request, lang: str | None = None, limit: Limit = 50,
                   offset: Annotated[int, Query(ge=0, le=params.MAX_OFFSET)] = 0) -> dict[str, Any]:
    with reader(request) as conn:
        return queries.documents(conn, lang=params.lang(lang), limit=limit, offset=offset)


@router.get("/documents/{doc_id}", summary="One document with its text and every annotation")
def get_document(request: Request, doc_id: str) -> dict[str, Any]:
    with reader(request) as conn:
        data = load_dict(conn, doc_id)
    if data is None:
        raise HTTPException(404, f"no document {doc_id!r} in this database")
    return data


@router.get("/events", summary="Stored events, newest first (as rasad events --json)")
def list_events(request: Request, actor: str | None = None, plover: str | None = None,
                status: str | None = None, since: Since = None, until: Until = None,
                lang: str | None = None, limit: Limit = 100) -> list[dict[str, Any]]:
    filters = {"actor": params.text("actor", actor, required=False),
               "plover": params.plover(plover), "status": params.status(status),
               "since": params.day("since", since), "until": params.day("until", until),
               "lang": params.lang(lang), "limit": limit}
    with reader(request) as conn:
        return queries.events(conn, **filters)


@router.get("/dyad", summary="How a relationship moved: events between two actors by period")
def get_dyad(request: Request, a: str, b: str, by: str | None = None, since: Since = None,
             until: Until = None) -> dict[str, Any]:
    return answer(request, queries.dyad_data, params.text("a", a), params.text("b", b),
                  by=params.by(by), since=params.day("since", since),
                  until=params.day("until", until))


@router.get("/dyad/events", summary="The events behind one point of the dyad chart")
def get_dyad_events(request: Request, a: str, b: str, by: str | None = None,
                    period: str | None = None, since: Since = None,
                    until: Until = None) -> list[dict[str, Any]]:
    return answer(request, queries.dyad_events, params.text("a", a), params.text("b", b),
                  by=params.by(by), period=params.period(period),
                  since=params.day("since", since), until=params.day("until", until))


@router.get("/search", summary="Actors by name and sentences by words, any script or spelling")
def get_search(request: Request, q: str, lang: str | None = None,
               limit: Annotated[int, Query(ge=1, le=200)] = 20) -> dict[str, Any]:
    return answer(request, queries.search_data, params.text("q", q), lang=params.lang(lang),
                  limit=limit)


@router.get("/actors", summary="Knowledge-base actors called q (Persian, Arabic or English)")
def list_actors(q: str, limit: Annotated[int, Query(ge=1, le=200)] = 20) -> list[dict[str, Any]]:
    from rasad.web.actors import search

    return search(params.text("q", q), limit=limit)


@router.get("/actors/{actor}", summary="An actor: record, counterparts, timeline, events")
def get_actor(request: Request, actor: str, level: Level = None, since: Since = None,
              until: Until = None, limit: Annotated[int, Query(ge=1, le=200)] = 20) -> dict[str, Any]:
    with reader(request) as conn:
        data = queries.actor_data(conn, params.text("actor", actor), level=params.level(level),
                                  since=params.day("since", since),
                                  until=params.day("until", until), limit=limit)
    if data is None:
        raise HTTPException(404, f"no actor is called {actor!r}; try /api/actors?q=NAME")
    return data


@router.get("/actors/{actor}/counterparts", summary="Whom an actor had events with, ranked")
def get_counterparts(request: Request, actor: str, level: Level = None, since: Since = None,
                     until: Until = None,
                     limit: Annotated[int, Query(ge=1, le=200)] = 20) -> list[dict[str, Any]]:
    return get_actor(request, actor, level, since, until, limit)["counterparts"]


@router.get("/network", summary="The actors of a period: nodes with counts, weighted edges")
def get_network(request: Request, level: Level = None, since: Since = None, until: Until = None,
                min_events: Annotated[int, Query(ge=1)] = 1,
                limit: Annotated[int, Query(ge=1, le=1000)] = 200) -> dict[str, Any]:
    with reader(request) as conn:
        return queries.network_data(conn, level=params.level(level),
                                    since=params.day("since", since),
                                    until=params.day("until", until),
                                    min_events=min_events, limit=limit)


class TextIn(BaseModel):
    """A text to analyse: nothing is stored."""

    text: str = Field(description="The article text (Persian or Arabic).")
    lang: str | None = Field(None, description="fa or ar: skip language identification.")
    published: str | None = Field(None, description="Publication date (ISO), anchors relative dates.")
    title: str | None = None


@router.post("/analyse", summary="Analyse pasted text; answer the output contract (413 if too long)")
def post_analyse(request: Request, body: TextIn) -> dict[str, Any]:
    try:
        return analyse(body.text, lang=params.lang(body.lang),
                       published=params.day("published", body.published), title=body.title,
                       max_chars=request.app.state.max_chars)
    except TooLarge as error:
        raise HTTPException(413, str(error)) from error
    except ValueError as error:
        raise HTTPException(400, str(error)) from error
