// Cluster model and renderers.
