"""`make bench`: the load and scale benchmark (never part of `make test`)."""
