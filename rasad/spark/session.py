"""Starting Spark: a clear message when pyspark or Java is missing, and local-mode settings
that suit one machine."""

from __future__ import annotations

import os
import shutil
import sys
from typing import Any


class SparkUnavailable(RuntimeError):
    """pyspark is not installed, or Java cannot be found."""


def missing_requirement() -> str | None:
    """Why Spark cannot start here (no pyspark, no Java), or None when it can."""
    try:
        import pyspark  # noqa: F401, PLC0415
    except ImportError:
        return "pyspark is not installed: pip install 'rasad[spark]'"
    java_home = os.environ.get("JAVA_HOME")
    if not (shutil.which("java") or (java_home and os.path.exists(os.path.join(java_home, "bin", "java")))):
        return "Java is not installed (Spark needs Java 17 or later on the PATH or in JAVA_HOME)"
    return None


def local_session(master: str | None = None, *, app_name: str = "rasad",
                  shuffle_partitions: int | None = None) -> Any:
    """A SparkSession. `master` None: the one spark-submit gives, else local[*]. In local
    mode the Python workers run this interpreter, so they see the same rasad."""
    reason = missing_requirement()
    if reason:
        raise SparkUnavailable(reason)
    from pyspark.sql import SparkSession  # noqa: PLC0415

    submitted = "PYSPARK_GATEWAY_PORT" in os.environ  # spark-submit started the JVM first
    if master is None and not submitted:
        master = "local[*]"
    builder = SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    if master and master.startswith("local"):
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
        builder = builder.config("spark.ui.enabled", "false") \
            .config("spark.ui.showConsoleProgress", "false")
    if shuffle_partitions:
        builder = builder.config("spark.sql.shuffle.partitions", str(shuffle_partitions))
    return builder.getOrCreate()
