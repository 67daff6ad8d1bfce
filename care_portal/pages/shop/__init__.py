"""The shop: catalogue, cart, checkout, payment pages and the client's orders."""
