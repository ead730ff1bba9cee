"""Evaluation scripts (run as `python eval/<name>.py`) and the helpers they share."""
