"""One Processing algorithm per module; the provider registers every module here."""
