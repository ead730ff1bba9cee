"""Screenshots of the web app's main pages for the README, taken on the demo database.

    python -m tools.web.screenshots [--out docs/screenshots] [--db /tmp/rasad-shots.db]

Builds the demo database with `rasad demo` (unless --db exists), serves it on a free
localhost port and photographs each page in Debian's headless chromium, with the same
offline setup as the browser tests (`rasad.web.testing`).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from rasad.web.testing import chromium, missing_browser, serve

# (file name, path, what to click before the shot or None)
SHOTS = [
    ("home", "/", None),
    ("search", "/search?q=روسیه", None),
    ("document", "/documents/demo-fa-01", "span.hl[data-ann~='entities-0']"),
    ("actor", "/actor/RUS", None),
    ("dyad", "/dyad?a=RUS&b=TUR", "#dyad-chart a.point-link >> nth=-1"),
    ("network", "/network", None),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--db", type=Path, default=None, help="a database (default: the demo)")
    args = parser.parse_args()
    if reason := missing_browser():
        print(f"error: {reason}", file=sys.stderr)
        return 1
    db = args.db or Path(tempfile.mkdtemp()) / "rasad-demo.db"
    if not db.exists():
        subprocess.run([sys.executable, "-m", "rasad", "demo", "--db", str(db)], check=True,
                       stdout=subprocess.DEVNULL)
    args.out.mkdir(parents=True, exist_ok=True)
    with serve(db) as base, chromium() as browser:
        page = browser.new_page(base_url=base, viewport={"width": 1280, "height": 900})
        for name, path, click in SHOTS:
            page.goto(path)
            if click:
                page.locator(click).first.click()
                page.wait_for_load_state("networkidle")
            target = args.out / f"{name}.png"
            page.screenshot(path=str(target), full_page=name not in ("actor", "network"))
            print(f"{target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
