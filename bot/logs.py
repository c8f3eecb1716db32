"""Logging set-up: plain text, or JSON lines when BOT_LOG_FORMAT=json.

Log lines carry ids, actions and scores; never message text or secrets.
"""

from __future__ import annotations

import json
import logging


class JsonFormatter(logging.Formatter):
    def __init__(self, worker: int | None = None) -> None:
        super().__init__()
        self.worker = worker

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": self.formatTime(record),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if self.worker is not None:
            entry["worker"] = self.worker
        if record.exc_info:
            entry["traceback"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


QUIET_LOGGERS = ("aiohttp.access",)
"""Loggers that would fill the log with every health check; warnings still show."""


def setup_logging(log_format: str, level: str, worker: int | None = None) -> None:
    """`worker`: with several worker processes (BOT_WORKERS), each line says whose it is."""
    handler = logging.StreamHandler()
    if log_format == "json":
        handler.setFormatter(JsonFormatter(worker))
    else:
        which = f"worker={worker} " if worker is not None else ""
        handler.setFormatter(
            logging.Formatter(f"%(asctime)s %(levelname)s %(name)s {which}%(message)s")
        )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(max(logging.WARNING, root.level))
