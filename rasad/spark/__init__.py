"""rasad on Spark: the `Pipeline` over JSONL, text, HTML, feed or WARC inputs in a Spark job,
written as Parquet datasets with the store's tables (see `rasad.spark.job`).

`rasad spark INPUTS --out DIR` runs it here (local mode); `spark-submit rasad/spark/__main__.py
INPUTS --out DIR` (or `python -m rasad.spark`) runs it on a cluster; the README's "Spark and
crawls" says how to package rasad for the executors. Importing this package does not import
pyspark: `rasad.spark.tables` (rows and column types) works without it.
"""
