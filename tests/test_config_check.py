from bot.cli import main
from handlers.config_check import check_config

SECRETS = {
    "MATTERMOST_URL": "https://chat.school.example",
    "MATTERMOST_TOKEN": "tok-secret-1",
    "MATTERMOST_SLASH_TOKEN": "slash-secret-2",
    "BOT_PUBLIC_URL": "https://bot.school.example",
    "BOT_BUTTON_SECRET": "hmac-secret-3",
    "TELEGRAM_TOKEN": "123:tg-secret-4",
    "TELEGRAM_WEBHOOK_SECRET": "hook-secret-5",
}


def test_secrets_are_masked_and_settings_usable():
    lines, problems = check_config(SECRETS, ["mattermost", "telegram"])
    text = "\n".join(lines)
    assert problems == []
    for secret in (
        "tok-secret-1",
        "slash-secret-2",
        "hmac-secret-3",
        "tg-secret-4",
        "hook-secret-5",
    ):
        assert secret not in text
    assert "MATTERMOST_TOKEN=******** (set)" in text
    assert "MATTERMOST_URL=https://chat.school.example" in text
    assert "BOT_DB=protocolbot.sqlite3 (default)" in text


def test_missing_and_wrong_settings_are_named():
    env = {"MATTERMOST_URL": "https://chat.example", "BOT_EXPIRE_AFTER_DAYS": "week"}
    _, problems = check_config(env, [])
    assert "MATTERMOST_TOKEN is not set" in problems
    assert "MATTERMOST_SLASH_TOKEN is not set" in problems
    assert any("BOT_EXPIRE_AFTER_DAYS must be a number of days" in p for p in problems)


def test_command_exits_non_zero_on_problems(monkeypatch, capsys):
    monkeypatch.setenv("TELEGRAM_WEBHOOK_SECRET", "only-this")
    assert main(["config", "check"]) == 1
    out = capsys.readouterr().out
    assert "only-this" not in out and "problem(s) found" in out


def test_settings_file_is_read_under_the_environment(monkeypatch, capsys, tmp_path):
    settings_file = tmp_path / "bot.env"
    settings_file.write_text("# comment\nBOT_TIMEZONE=Europe/Brussels\nBOT_DB=/srv/a.db\n")
    monkeypatch.setenv("BOT_SETTINGS_FILE", str(settings_file))
    monkeypatch.setenv("BOT_DB", "/srv/b.db")
    assert main(["config", "check"]) == 0
    out = capsys.readouterr().out
    assert "BOT_TIMEZONE=Europe/Brussels" in out and "BOT_DB=/srv/b.db" in out


def test_log_settings_and_time_zone_are_validated():
    env = {"BOT_LOG_LEVEL": "chatty", "BOT_LOG_FORMAT": "xml", "BOT_TIMEZONE": "Mars/Base"}
    _, problems = check_config(env, [])
    assert any(p.startswith("BOT_LOG_LEVEL must be one of") for p in problems)
    assert any(p.startswith("BOT_LOG_FORMAT must be one of text, json") for p in problems)
    assert "BOT_TIMEZONE 'Mars/Base' is not a known time zone" in problems
