from handlers.mattermost.slash import parse_command


def test_mattermost_slash_words_map_to_engine_commands():
    assert parse_command("") == ("help", "")
    assert parse_command("regel ML2") == ("regel", "ML2")
    assert parse_command("Escalaties") == ("escalaties", "")
    assert parse_command("reload") == ("reload", "")
    assert parse_command("mag ik deze foto plaatsen") == ("vraag", "mag ik deze foto plaatsen")
