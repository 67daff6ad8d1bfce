"""Log-in, sign-up and password pages, the client area and the profile."""
