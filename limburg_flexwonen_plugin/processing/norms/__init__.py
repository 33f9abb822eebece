"""Housing norms: plans and stays checked against the norms."""
