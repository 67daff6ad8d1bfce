"""Pages by area: each package holds its pages, each page module its state and views beside it."""
