"""Parameter blocks shared by several algorithms: each adds its parameters to an algorithm and reads them back."""
