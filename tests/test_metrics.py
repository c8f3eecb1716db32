from datetime import UTC, datetime

from bot.store import Store
from handlers.metrics import Metrics


def test_render_has_counters_histogram_and_gauges():
    metrics = Metrics(case_counts=lambda: {"open": 2, "decided": 5})
    metrics.question("answer")
    metrics.question("answer")
    metrics.question("fallback")
    metrics.reconnect("mattermost")
    metrics.reply_latency(0.003)
    metrics.reply_latency(0.2)
    text = metrics.render()
    assert 'protocolbot_questions_total{action="answer"} 2' in text
    assert 'protocolbot_questions_total{action="fallback"} 1' in text
    assert 'protocolbot_escalations{status="open"} 2' in text
    assert 'protocolbot_reconnects_total{platform="mattermost"} 1' in text
    assert 'protocolbot_reply_latency_seconds_bucket{le="0.005"} 1' in text
    assert 'protocolbot_reply_latency_seconds_bucket{le="0.25"} 2' in text
    assert 'protocolbot_reply_latency_seconds_bucket{le="+Inf"} 2' in text
    assert "protocolbot_reply_latency_seconds_count 2" in text
    assert text.endswith("\n")


def test_label_values_are_escaped():
    metrics = Metrics()
    metrics.question('we"ird')
    assert 'action="we\\"ird"' in metrics.render()


def test_worker_0_adds_the_other_workers_counters(tmp_path):
    now = datetime(2026, 12, 6, tzinfo=UTC)
    first, second = Store(tmp_path / "bot.db", worker=0), Store(tmp_path / "bot.db", worker=1)
    worker_0 = Metrics(others=first.other_workers_metrics)
    worker_1 = Metrics()
    worker_0.question("answer")
    worker_0.reply_latency(0.003)
    for _ in range(3):
        worker_1.question("answer")
    worker_1.question("clarify")
    worker_1.reply_latency(0.2)
    worker_1.reconnect("mattermost")
    second.publish_metrics(worker_1.snapshot(), now)
    second.publish_metrics(worker_1.snapshot(), now)  # replaces, does not add up
    text = worker_0.render()
    assert 'protocolbot_questions_total{action="answer"} 4' in text
    assert 'protocolbot_questions_total{action="clarify"} 1' in text
    assert 'protocolbot_reconnects_total{platform="mattermost"} 1' in text
    assert 'protocolbot_reply_latency_seconds_bucket{le="0.005"} 1' in text
    assert 'protocolbot_reply_latency_seconds_bucket{le="+Inf"} 2' in text
    assert worker_0.questions == {"answer": 1}  # its own counts are left alone
    first.forget_worker_metrics()
    assert 'protocolbot_questions_total{action="answer"} 1' in worker_0.render()


def test_a_snapshot_that_does_not_fit_is_left_out(caplog):
    wrong_buckets = {"questions": {"answer": 5}, "reconnects": {}, "latency": {"counts": [1]}}
    metrics = Metrics(others=lambda: [wrong_buckets])
    metrics.question("answer")
    assert 'protocolbot_questions_total{action="answer"} 1' in metrics.render()
    assert "does not fit" in caplog.text
