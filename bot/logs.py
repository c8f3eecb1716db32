"""Logging set-up: plain text, or JSON lines when BOT_LOG_FORMAT=json.

Log lines carry ids, actions and scores; never message text or secrets.
"""

from __future__ import annotations

import json
import logging
import time

TIME_FORMAT = "%Y-%m-%d %H:%M:%S"


class SecondCachedTime(logging.Formatter):
    """`formatTime` renders the date and time once per second, not once per line.

    Under load the bot writes a line per message; `time.strftime` was most of
    the cost of formatting one.
    """

    _second: int | None = None
    _rendered = ""

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:
        if datefmt is not None:
            return super().formatTime(record, datefmt)
        second = int(record.created)
        if second != self._second:
            self._second = second
            self._rendered = time.strftime(TIME_FORMAT, self.converter(second))
        return f"{self._rendered},{int(record.msecs):03d}"


class JsonFormatter(SecondCachedTime):
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
    skip_unused_record_fields()
    handler = logging.StreamHandler()
    if log_format == "json":
        handler.setFormatter(JsonFormatter(worker))
    else:
        which = f"worker={worker} " if worker is not None else ""
        handler.setFormatter(
            SecondCachedTime(f"%(asctime)s %(levelname)s %(name)s {which}%(message)s")
        )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(max(logging.WARNING, root.level))


def skip_unused_record_fields() -> None:
    """No line shows the source file, thread or process, so `logging` need not look them
    up for every record (the switches of the logging HOWTO's "Optimization" section)."""
    logging._srcfile = None  # the documented switch for caller lookup
    logging.logThreads = False
    logging.logProcesses = False
    logging.logMultiprocessing = False
