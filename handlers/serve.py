"""`python -m bot serve`: one process, one event loop, one HTTP server, chosen platforms.

Explicit wiring: settings -> app (knowledge, directory, store, engine) ->
runtime -> platform adapters -> aiohttp server with their routes and
`/healthz`. SIGTERM and SIGINT stop it cleanly: the server stops taking
requests, turns in progress finish and their replies are sent or stay in the
outbox, then platforms disconnect and the database closes.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Callable, Mapping

from aiohttp import web

from bot.app import App, build_app
from bot.engine import utc_now
from bot.reload import make_reloader
from bot.settings import Settings, SettingsError
from handlers.metrics import PUBLISH_SECONDS, Metrics
from handlers.runtime import Platform, Runtime
from handlers.workers import Workers, stop_when_parent_goes

log = logging.getLogger(__name__)

PlatformFactory = Callable[[Mapping[str, str], App, Runtime], Platform]
PURGE_EVERY_TICKS = 360


def platform_factories() -> dict[str, PlatformFactory]:
    """The platforms this build knows, imported only when asked for."""

    def mattermost(env: Mapping[str, str], app: App, runtime: Runtime) -> Platform:
        from handlers.mattermost import build_platform

        return build_platform(env, app, runtime)

    def telegram(env: Mapping[str, str], app: App, runtime: Runtime) -> Platform:
        from handlers.telegram import build_platform

        return build_platform(env, app, runtime)

    return {"mattermost": mattermost, "telegram": telegram}


def build_platforms(
    names: list[str], env: Mapping[str, str], app: App, runtime: Runtime
) -> list[Platform]:
    """Every platform asked for; SettingsError naming every missing setting of all of them."""
    factories = platform_factories()
    problems: list[str] = []
    platforms: list[Platform] = []
    for name in dict.fromkeys(names):
        if name not in factories:
            problems.append(f"unknown platform {name!r} (known: {', '.join(factories)})")
            continue
        try:
            platforms.append(factories[name](env, app, runtime))
        except SettingsError as exc:
            problems.extend(exc.problems)
    if problems:
        raise SettingsError(problems)
    return platforms


def health_handler(app: App, runtime: Runtime, workers: Workers | None = None):
    async def healthz(_request: web.Request) -> web.Response:
        database = _database_ok(app)
        platforms = {p.name: p.health() for p in runtime.platforms}
        healthy = database and all(h.get("connected", True) for h in platforms.values())
        body = {"database": database, **platforms}
        if workers is not None:  # worker 0 counts itself
            running = workers.running() + 1
            body["workers"] = {"wanted": workers.count, "running": running}
            healthy = healthy and running == workers.count
        body = {"status": "ok" if healthy else "degraded", **body}
        return web.json_response(body, status=200 if healthy else 503)

    return healthz


def _database_ok(app: App) -> bool:
    try:
        app.store.db.execute("SELECT 1").fetchone()
    except Exception:
        return False
    return True


async def serve(
    settings: Settings, names: list[str], env: Mapping[str, str], worker: int = 0
) -> int:
    """Serve until SIGTERM. `worker` > 0: one of the extra Mattermost processes (workers.py)."""
    if settings.workers > 1 and set(names) != {"mattermost"}:
        # the other workers could not reach, nor pick, people who are only on Telegram
        raise SettingsError(
            [f"BOT_WORKERS={settings.workers} works with --platform mattermost alone; "
             "with Telegram as well, use BOT_WORKERS=1"]
        )  # fmt: skip
    app = build_app(settings, worker=worker)
    if worker == 0 and (adopted := app.store.adopt_replies(settings.workers)):
        log.info("undelivered replies of workers no longer running adopted=%d", adopted)
    runtime = Runtime(app.engine, metrics=_metrics(app))
    app.engine.reloader = make_reloader(app.engine, settings)
    try:
        runtime.platforms = build_platforms(names, env, app, runtime)
        workers = _workers(app, env)
        if workers is not None:
            app.engine.reloader = workers.also_reload(app.engine.reloader)
        return await _run(app, runtime, workers)
    finally:
        app.close()


def _metrics(app: App) -> Metrics:
    """Worker 0 renders /metrics with the other workers' counters added."""
    if app.worker != 0:
        return Metrics()
    app.store.forget_worker_metrics()
    return Metrics(case_counts=app.store.case_counts, others=app.store.other_workers_metrics)


def _workers(app: App, env: Mapping[str, str]) -> Workers | None:
    """The extra worker processes worker 0 starts, if BOT_WORKERS asks for them."""
    count = app.settings.workers
    if app.worker != 0 or count <= 1:
        return None
    # the same database for all, whatever the command line said (--db)
    return Workers(count, {**env, "BOT_DB": str(app.settings.db)})


async def _run(app: App, runtime: Runtime, workers: Workers | None) -> int:
    runner = await _start_http(app, runtime, workers) if app.worker == 0 else None
    stop = asyncio.Event()
    _on_signals(stop, app)
    if app.worker != 0:
        await stop_when_parent_goes(stop)
    try:
        for platform in runtime.platforms:
            await platform.start()
        log.info(
            "serving platforms=%s worker=%d",
            ",".join(p.name for p in runtime.platforms),
            app.worker,
        )
        if workers is not None:
            await workers.start()
        await runtime.flush()
        ticker = asyncio.create_task(_tick_forever(app, runtime, stop))
        publisher = asyncio.create_task(_publish_metrics(app, runtime, stop))
        await stop.wait()
        ticker.cancel()
        await publisher
    finally:
        if workers is not None:
            await workers.stop()
        if runner is not None:
            await runner.cleanup()
        for platform in runtime.platforms:
            await platform.stop()
    return 0


async def _start_http(app: App, runtime: Runtime, workers: Workers | None) -> web.AppRunner:
    web_app = web.Application()
    web_app.router.add_get("/healthz", health_handler(app, runtime, workers))
    web_app.router.add_get("/metrics", runtime.metrics_handler())
    for platform in runtime.platforms:
        web_app.add_routes(platform.routes())
    runner = web.AppRunner(web_app)
    await runner.setup()
    site = web.TCPSite(runner, app.settings.listen_host, app.settings.listen_port)
    await site.start()
    return runner


def _on_signals(stop: asyncio.Event, app: App) -> None:
    """SIGTERM/SIGINT stop the bot; SIGHUP reloads knowledge base and directory."""
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    reloader = app.engine.reloader
    if reloader is not None:
        loop.add_signal_handler(signal.SIGHUP, lambda: log.info("SIGHUP: %s", reloader()))


async def _publish_metrics(app: App, runtime: Runtime, stop: asyncio.Event) -> None:
    """A worker other than 0 hands its counters to worker 0 every few seconds (and
    once more when it stops)."""
    if app.worker == 0:
        return
    while True:
        stopping = stop.is_set()
        try:
            app.store.publish_metrics(runtime.metrics.snapshot(), utc_now())
        except Exception:  # a busy database: the next round tries again
            log.exception("publishing metrics failed")
        if stopping:
            return
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=PUBLISH_SECONDS)


async def _tick_forever(app: App, runtime: Runtime, stop: asyncio.Event) -> None:
    """Reminders, expiry and retries; the other workers only retry their own replies."""
    interval = app.settings.tick_interval.total_seconds()
    ticks = 0
    while not stop.is_set():
        if app.worker != 0:
            await runtime.flush(backoff=True)
        else:
            await runtime.tick()
        if app.worker == 0 and ticks % PURGE_EVERY_TICKS == 0:
            cases, messages = app.engine.purge()
            log.info("purged cases=%d messages=%d", cases, messages)
        ticks += 1
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=interval)
