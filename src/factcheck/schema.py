"""The JSON Schema of the report, as committed in ``schema/report.schema.json``."""

from __future__ import annotations

from .models import SCHEMA_VERSION, Report


def report_schema() -> dict:
    schema = Report.model_json_schema()
    schema["$id"] = f"https://factcheck.invalid/schema/report-{SCHEMA_VERSION}.json"
    schema["title"] = "factcheck report"
    return schema
