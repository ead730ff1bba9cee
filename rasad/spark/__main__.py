"""`python -m rasad.spark INPUTS --out DIR`, and the file to give spark-submit:
`spark-submit [options] rasad/spark/__main__.py INPUTS --out DIR`."""

from rasad.spark.cli import main

if __name__ == "__main__":
    main()
