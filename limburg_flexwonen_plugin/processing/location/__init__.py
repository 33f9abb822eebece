"""Algorithms of the location class of candidate sites."""
