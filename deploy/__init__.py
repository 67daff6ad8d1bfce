"""Deployment: the local production topology, the proxy configuration and its renderer."""
