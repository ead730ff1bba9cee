"""Tools around the benchmarks (fingerprints of the pipeline's output on the bench corpus)."""
