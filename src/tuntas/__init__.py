"""Tuntas: public-service complaint handling. The version is released with a CHANGELOG.md entry."""

__version__ = "0.2.0"
