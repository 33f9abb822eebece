"""Location: where candidate sites lie relative to the built-up area."""
