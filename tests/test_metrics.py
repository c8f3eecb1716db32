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
