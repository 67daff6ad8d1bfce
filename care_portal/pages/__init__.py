"""One module per page (or small group of pages), each with its state beside it."""
