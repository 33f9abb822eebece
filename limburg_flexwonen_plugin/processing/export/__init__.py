"""Algorithms that export maps and reports (PDF/PNG)."""
