"""Widgets the screens share, each with its own `DEFAULT_CSS`."""
