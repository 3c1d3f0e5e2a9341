"""The search engines, chosen by dotted path as Django chooses cache and database backends.

``SEARCH_ENGINES["default"]`` names the engine's class (``BACKEND``) and what it is
built with: ``URLS``, ``INDEX_PREFIX`` and ``TIMEOUT`` where the engine has them, and
``OPTIONS``, any further keyword arguments of the class::

    SEARCH_ENGINES = {
        "default": {
            "BACKEND": "search.engines.opensearch.OpenSearchEngine",
            "URLS": ["https://search.example.org:9200"],
            "INDEX_PREFIX": "polarkb",
            "TIMEOUT": 2,
        }
    }

The ``SEARCH_ENGINE`` shortcut (``database``, ``opensearch``, ``elasticsearch``) with
``SEARCH_URLS``, ``SEARCH_INDEX_PREFIX`` and ``SEARCH_TIMEOUT`` fills this dict
(``from_shortcut``), in the settings and whenever a test overrides one of them.

This module is read by the settings, so it imports nothing of the project at the top.
"""

import json

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.module_loading import import_string

SHORTCUTS = {
    "database": "search.engines.database.DatabaseEngine",
    "opensearch": "search.engines.opensearch.OpenSearchEngine",
    "elasticsearch": "search.engines.elasticsearch.ElasticsearchEngine",
}
SHORTCUT_SETTINGS = ("SEARCH_ENGINE", "SEARCH_URLS", "SEARCH_INDEX_PREFIX", "SEARCH_TIMEOUT")
# Settings keys and the keyword arguments of an engine's class they become.
ARGUMENTS = {"URLS": "urls", "INDEX_PREFIX": "index_prefix", "TIMEOUT": "timeout"}


def from_shortcut(name, urls, index_prefix, timeout):
    """SEARCH_ENGINES for an engine named by the SEARCH_ENGINE shortcut."""
    if name not in SHORTCUTS:
        raise ImproperlyConfigured(
            f"SEARCH_ENGINE must be one of {', '.join(SHORTCUTS)}, not {name!r}"
        )
    engine = {"BACKEND": SHORTCUTS[name]}
    if name != "database":  # the database engine has no server
        engine.update(URLS=list(urls), INDEX_PREFIX=index_prefix, TIMEOUT=timeout)
    return {"default": engine}


_engines = {}  # configuration -> engine


def get_engine(alias="default"):
    """The configured engine; one instance (and one client) per configuration."""
    try:
        configuration = settings.SEARCH_ENGINES[alias]
    except KeyError:
        raise ImproperlyConfigured(f"SEARCH_ENGINES has no {alias!r} engine") from None
    key = json.dumps(configuration, sort_keys=True, default=repr)
    if key not in _engines:
        _engines[key] = build(configuration)
    return _engines[key]


def build(configuration):
    try:
        engine_class = import_string(configuration["BACKEND"])
    except (KeyError, ImportError) as error:
        raise ImproperlyConfigured(f"Cannot load the search engine: {error!r}") from error
    arguments = {ARGUMENTS[key]: value for key, value in configuration.items() if key in ARGUMENTS}
    return engine_class(**arguments, **configuration.get("OPTIONS", {}))


@receiver(setting_changed)
def follow_shortcut(*, setting, enter, **kwargs):
    """A test overriding the shortcut's settings gets the engine they name."""
    if enter and setting in SHORTCUT_SETTINGS:
        settings.SEARCH_ENGINES = from_shortcut(*(getattr(settings, s) for s in SHORTCUT_SETTINGS))
