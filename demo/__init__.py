"""The demo Cluster: its content as YAML data files and the commands that load and serve it."""
