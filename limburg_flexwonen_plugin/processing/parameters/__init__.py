"""Parameter blocks shared by several algorithms: each adds its parameters and reads them into the core's inputs."""
