"""Algorithms that check plans and stays against the housing norms."""
