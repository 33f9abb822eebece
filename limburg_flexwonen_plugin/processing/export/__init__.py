"""Maps and reports: print layouts exported to PDF and PNG."""
