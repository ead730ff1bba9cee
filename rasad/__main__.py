"""`python -m rasad` is the `rasad` command."""

from rasad.cli import app

app(prog_name="rasad")
