"""Settings shared by every environment. Safe for production by default:
deployment values come from environment variables, development and test
settings relax them."""

import os
from pathlib import Path

import dj_database_url
import dj_email_url
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE

from polarkb.languages import DEFAULT_LANGUAGE, LANGUAGES, register_missing_language_info
from search.engines import from_shortcut as search_engines_from_shortcut

env = os.environ.copy()

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

SECRET_KEY = env.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = [h for h in env.get("ALLOWED_HOSTS", "").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in env.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]
# Proxies (addresses or networks) whose X-Forwarded-For names the reader, as for gunicorn.
FORWARDED_ALLOW_IPS = [a.strip() for a in env.get("FORWARDED_ALLOW_IPS", "127.0.0.1").split(",")]

INSTALLED_APPS = [
    "polarkb",
    "knowledgebase",
    "home",
    "search",
    "localization",
    "demo",
    "contact",
    "feedback",
    "workspaces",
    "consent",
    "reviews",
    "legacy",
    "archive",
    "outreach",
    "engagements",
    "activities",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "rosetta",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "polarkb.security.CompressionMiddleware",  # before all that writes the body
    "polarkb.security.ContentSecurityPolicyMiddleware",
    "polarkb.security.PermissionsPolicyMiddleware",
    "search.middleware.JsonApiErrorsMiddleware",
    "polarkb.hostile_input.HostileInputMiddleware",  # before anything reads the input
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "localization.middleware.FreshInterfaceStringsMiddleware",
    "polarkb.middleware.UnknownLanguageMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "polarkb.middleware.RememberLanguageMiddleware",
    "polarkb.caching.pages.AnonymousPageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "polarkb.urls"
WSGI_APPLICATION = "polarkb.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"), conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web server and the index worker write the same file: readers never wait for a
    # writer (WAL), a writer waits its turn (timeout, in seconds) rather than failing,
    # and a transaction takes the write lock when it begins, so it never has to upgrade
    # a read lock another writer is waiting on (which SQLite refuses without waiting).
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Caching (polarkb/caching/). "default": the content generation, rate limits and
# Wagtail's own values; "kept": the pages kept for anonymous readers; "answers": the
# search answers kept for them, apart from the pages, so that many different searches
# never push kept pages out; "local": values worked out from the content, in each
# process's memory. With CACHE_URL (redis://HOST:PORT/DB), "default", "kept" and
# "answers" are one Redis shared by every host; without it, files under CACHE_DIR
# shared by this host's processes and each process's memory. Everything kept is filed
# under the content generation, which the events readers can see replace
# (polarkb/caching/events.py).
CACHE_URL = env.get("CACHE_URL", "")
KEPT_MAX_ENTRIES = int(env.get("KEPT_MAX_ENTRIES", "2000"))


def cache_settings(cache_url, cache_dir, max_entries):
    """CACHES for a shared Redis (cache_url) or for one host."""
    local = {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "local",
        "OPTIONS": {"MAX_ENTRIES": max_entries},
    }
    if cache_url:
        shared = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": cache_url}
        return {
            "default": shared,
            **{name: {**shared, "KEY_PREFIX": name} for name in ("kept", "answers")},
            "local": local,
        }
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": cache_dir,
        },
        **{name: {**local, "LOCATION": name} for name in ("kept", "answers")},
        "local": local,
    }


CACHES = cache_settings(
    CACHE_URL, env.get("CACHE_DIR", str(BASE_DIR / "var" / "cache")), KEPT_MAX_ENTRIES
)
# Seconds an anonymous reader's page or search answer is kept (0: never).
PAGE_CACHE_SECONDS = int(env.get("PAGE_CACHE_SECONDS", "300"))
SEARCH_ANSWER_CACHE_SECONDS = int(env.get("SEARCH_ANSWER_CACHE_SECONDS", "60"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: one list feeds Django, Wagtail and wagtail-localize.
register_missing_language_info()
LANGUAGE_CODE = DEFAULT_LANGUAGE
LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "polarkb_language"
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_SAMESITE = "Lax"
USE_I18N = True
# Date and number formats for Kalaallisut, Northern Sámi and Inuktitut.
FORMAT_MODULE_PATH = ["polarkb.formats"]
TIME_ZONE = "UTC"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Security headers (polarkb/security.py). Public pages: no inline script runs;
# inline <style> elements are the site's own stylesheets (allowed by their hashes)
# or carry the request's nonce ({{ request.csp_nonce }}, the error page); style
# attributes (responsive embeds, rich text) stay allowed.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, NONCE],
        "style-src-attr": [UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF, "https:"],  # embedded videos and maps
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}
# The admins put inline scripts in their forms; only editors reach them.
ADMIN_CONTENT_SECURITY_POLICY = {
    **CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:", "https:"],
    "connect-src": [SELF],
}
# The embeddable list (/<lang>/embed/) is the only address other sites may frame:
# by any site, or only by the origins listed (comma-separated).
EMBED_FRAME_ANCESTORS = [
    o.strip() for o in env.get("EMBED_FRAME_ANCESTORS", "*").split(",") if o.strip()
] or ["*"]
PERMISSIONS_POLICY_DISABLED_FEATURES = (
    "accelerometer",
    "browsing-topics",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "magnetometer",
    "microphone",
    "payment",
    "usb",
)

WAGTAIL_SITE_NAME = "Polar Knowledge Base"
# Avatars are the uploaded picture or Wagtail's own image, never asked of Gravatar: the
# admin sends nobody's e-mail hash to an outside service.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor does the admin ask wagtail.org for new releases: operators follow them as they
# follow every pinned dependency.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_BASE_URL = env.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# Search: one setting chooses the engine for the public search and the admin. The
# SEARCH_ENGINE shortcut and the three settings after it fill SEARCH_ENGINES, where
# the engine is named by its class (see search/engines/__init__.py).
SEARCH_ENGINE = env.get("SEARCH_ENGINE", "database")
SEARCH_URLS = [
    u.strip() for u in env.get("SEARCH_URL", "http://127.0.0.1:9200").split(",") if u.strip()
]
SEARCH_INDEX_PREFIX = env.get("SEARCH_INDEX_PREFIX", "polarkb")
SEARCH_TIMEOUT = float(env.get("SEARCH_TIMEOUT", "2"))
# Where the hunspell dictionaries did-you-mean checks words against are (search/dictionaries.py).
SPELLING_DICTIONARY_DIRS = env.get("SPELLING_DICTIONARY_DIRS", "/usr/share/hunspell").split(":")
# Copies of the index on other nodes; unset: one when the cluster has two data nodes or more.
SEARCH_REPLICAS = int(env["SEARCH_REPLICAS"]) if env.get("SEARCH_REPLICAS") else None
# One pooled engine connection per web server thread (gunicorn.conf.py), plus the
# bulk indexing streams, so busy threads never open and drop extra connections.
SEARCH_CONNECTIONS_PER_NODE = int(env.get("WEB_THREADS", "8")) + 2

_WAGTAIL_SEARCH_BACKENDS = {
    "database": "wagtail.search.backends.database",
    "opensearch": "wagtail.search.backends.opensearch3",
    "elasticsearch": "wagtail.search.backends.elasticsearch9",
}
SEARCH_ENGINES = search_engines_from_shortcut(
    SEARCH_ENGINE, SEARCH_URLS, SEARCH_INDEX_PREFIX, SEARCH_TIMEOUT
)
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": _WAGTAIL_SEARCH_BACKENDS[SEARCH_ENGINE]}}
if SEARCH_ENGINE != "database":
    WAGTAILSEARCH_BACKENDS["default"].update(
        {
            "URLS": SEARCH_URLS,
            "INDEX_PREFIX": f"{SEARCH_INDEX_PREFIX}-admin-",
            "TIMEOUT": SEARCH_TIMEOUT,
        }
    )

# Index updates (ours and Wagtail's) run in a background worker, never in the
# editor's request: `python manage.py db_worker` takes them from the database.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Reader pages outside the page tree (by URL name) that the static archive copies too.
ARCHIVE_READER_PAGES = ["glossary", "network", "numbers"]

# Legacy for harvesters (legacy/): the OAI-PMH endpoint /oai/ and the PID checks.
OAI_REPOSITORY_NAME = env.get("OAI_REPOSITORY_NAME", "EU Polar Cluster – Polar Knowledge Base")
# The domain in the records' identifiers, oai:<domain>:<item>; "": WAGTAILADMIN_BASE_URL's.
OAI_REPOSITORY_IDENTIFIER = env.get("OAI_REPOSITORY_IDENTIFIER", "")
OAI_ADMIN_EMAIL = env.get("OAI_ADMIN_EMAIL", "secretariat@localhost.localdomain")
OAI_DATACITE_SYMBOL = env.get("OAI_DATACITE_SYMBOL", "EUPOLAR.KB")  # in oai_datacite records
OAI_PAGE_SIZE = int(env.get("OAI_PAGE_SIZE", "100"))  # records per answer, then a token
PID_DOI_RESOLVER = env.get("PID_DOI_RESOLVER", "https://doi.org/")
PID_HANDLE_RESOLVER = env.get("PID_HANDLE_RESOLVER", "https://hdl.handle.net/")
PID_CHECK_TIMEOUT = float(env.get("PID_CHECK_TIMEOUT", "15"))  # seconds per address
PID_CHECK_WORKERS = int(env.get("PID_CHECK_WORKERS", "8"))

# The single contact point and reader feedback (contact/, feedback/).
CONTACT_SECRETARIAT_EMAIL = env.get("CONTACT_SECRETARIAT_EMAIL", "secretariat@localhost")
CONTACT_RETENTION_DAYS = int(env.get("CONTACT_RETENTION_DAYS", "180"))  # after closing
CONTACT_RATE_LIMIT = (10, 3600)  # posts per client per period in seconds
CONTACT_MAX_POST_BYTES = 64 * 1024
FEEDBACK_RATE_LIMIT = (30, 3600)
FEEDBACK_MAX_POST_BYTES = 16 * 1024

# The engagement register (engagements/): how many days apart two members' engagements with
# one community may come before they are flagged as overlapping.
ENGAGEMENT_OVERLAP_DAYS = int(env.get("ENGAGEMENT_OVERLAP_DAYS", "30"))

# Optional machine translation for wagtail-localize, off unless a key is given.
if env.get("DEEPL_API_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": env["DEEPL_API_KEY"]},
    }

# Outgoing mail (workflow notifications, reminders): EMAIL_URL, e.g.
# smtp://user:password@host:587?tls=True (or submission://...), else Django's EMAIL_*
# variables; the development settings print mail on the console.
EMAIL_TIMEOUT = int(env.get("EMAIL_TIMEOUT", "10"))  # seconds: a hung server never hangs a page
if env.get("EMAIL_URL"):
    _email = dj_email_url.parse(env["EMAIL_URL"])
    globals().update({name: value for name, value in _email.items() if value is not None})
else:
    EMAIL_HOST = env.get("EMAIL_HOST", "localhost")
    EMAIL_PORT = int(env.get("EMAIL_PORT", "25"))
    EMAIL_HOST_USER = env.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = env.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env.get("EMAIL_USE_TLS") == "1"
DEFAULT_FROM_EMAIL = env.get("DEFAULT_FROM_EMAIL", "Polar Knowledge Base <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

# Interface strings: translators complete the kl, se and iu catalogues in the browser
# (django-rosetta, at /admin/interface-strings/; workspaces.interface_strings decides who may).
ROSETTA_LANGUAGES = [(code, name) for code, name in LANGUAGES if code in ("kl", "se", "iu")]
ROSETTA_ACCESS_CONTROL_FUNCTION = "workspaces.interface_strings.may_translate_interface"
ROSETTA_STORAGE_CLASS = "rosetta.storage.SessionRosettaStorage"
ROSETTA_LOGIN_URL = "/admin/login/"
ROSETTA_SHOW_AT_ADMIN_PANEL = False
# The editor writes a catalogue as `make translations` does (manage.py tidy_catalogues):
# lines unwrapped, so saving one string changes that string's lines only.
ROSETTA_POFILE_WRAP_WIDTH = 0

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "polarkb": {"level": env.get("LOG_LEVEL", "INFO")},
        "knowledgebase": {"level": env.get("LOG_LEVEL", "INFO")},
        "search": {"level": env.get("LOG_LEVEL", "INFO")},
        # The engine clients log every failed request; the search service reports outages.
        "opensearch": {"level": "ERROR"},
        "elastic_transport": {"level": "ERROR"},
    },
}
