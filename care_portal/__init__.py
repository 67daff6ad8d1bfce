"""Care portal: the web platform of a Spanish home-care service."""
