"""Plain Starlette routes mounted beside the Reflex app."""
