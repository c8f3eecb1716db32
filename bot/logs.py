"""Logging set-up: plain text, or JSON lines when BOT_LOG_FORMAT=json.

Log lines carry ids, actions and scores; never message text or secrets.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": self.formatTime(record),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["traceback"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def setup_logging(env: Mapping[str, str]) -> None:
    handler = logging.StreamHandler()
    if env.get("BOT_LOG_FORMAT", "").lower() == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(env.get("BOT_LOG_LEVEL", "INFO").upper())
