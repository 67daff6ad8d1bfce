"""Care projects: registering a relative, the projects list and one project's page."""
