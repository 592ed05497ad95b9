"""The JSON Schema of the scenario format, generated from the model.

Editors with a YAML language server use it to autocomplete keys and underline
mistakes while a trainer types; it is shipped as `scenario.schema.json`.
"""

from __future__ import annotations

from typing import Any

from game.scenario.model import Scenario

__all__ = ["scenario_schema", "SCHEMA_ID"]

SCHEMA_ID = "https://partenaires.invalid/scenario-format-1.schema.json"


def scenario_schema() -> dict[str, Any]:
    schema = Scenario.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    schema["title"] = "Partenaires scenario, format 1"
    return schema
