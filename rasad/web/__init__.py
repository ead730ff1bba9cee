"""rasad's web app: a JSON API and server-rendered pages over a store, for `rasad serve`.

FastAPI and uvicorn are the `web` extra (`pip install -e ".[web]"`); nothing here imports them
at `import rasad` time. `create_app(db_path)` builds the application; it reads the store through
read-only connections and analyses pasted text with the same `Pipeline` as the CLI.
"""

from __future__ import annotations

from typing import Any

WEB_EXTRA_HINT = ("the web app needs the 'web' extra: pip install -e '.[web]' in a clone "
                  "(or pip install fastapi uvicorn jinja2 python-multipart)")


def create_app(db_path: Any, **options: Any) -> Any:
    """The FastAPI application serving the store at `db_path` (see `rasad.web.app`)."""
    from rasad.web.app import create_app as build

    return build(db_path, **options)
