"""The search service (the engine adapters arrive with the search work)."""


def engine_health():
    return "ok"
