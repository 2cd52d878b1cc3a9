"""``make bench``: the portal measured against the framework's ceiling (see bench/run.py)."""
