"""factcheck: compare several articles on one story and write a cited brief.

Library entry points: ``factcheck.pipeline.run`` (full report) and
``factcheck.pipeline.run_extract`` (claims only), both configured by ``factcheck.Settings``.
"""

from .models import SCHEMA_VERSION
from .settings import Settings

__all__ = ["SCHEMA_VERSION", "Settings"]
__version__ = "0.1.0"
