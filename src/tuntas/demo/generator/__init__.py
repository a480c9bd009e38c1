"""Bulk complaint data for benchmarks and load tests: ``manage.py generate_complaints N``.

Complaints are lived in memory through the SOPs (``life``) with the rows the services would write
(``effects``) and inserted in bulk (``writer``), thousands per second instead of the few per second of
playing each one through the services. Needs the directory and SOPs of a regency (``context``).
"""

from tuntas.demo.generator.bulk import DEFAULT_SEED, Result, generate, shared_secret
from tuntas.demo.generator.context import GeneratorError

__all__ = ["DEFAULT_SEED", "GeneratorError", "Result", "generate", "shared_secret"]
