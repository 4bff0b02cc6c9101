"""factcheck: compare several articles on one story and write a cited brief.

Library entry points: ``factcheck.pipeline.run`` (full report),
``factcheck.pipeline.run_extract`` (claims only), ``factcheck.batch.run_batch`` (many clusters)
and ``factcheck.evaluation.run_eval`` (labelled cases), all configured by ``factcheck.Settings``.
"""

from .models import SCHEMA_VERSION
from .settings import Settings

__all__ = ["SCHEMA_VERSION", "Settings"]
__version__ = "0.1.0"
