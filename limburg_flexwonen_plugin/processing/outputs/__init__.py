"""Output handling: complete-or-absent outputs of a run, no output over an input, styles on load."""
