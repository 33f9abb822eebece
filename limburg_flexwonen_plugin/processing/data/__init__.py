"""Data preparation: official boundaries and figures."""
