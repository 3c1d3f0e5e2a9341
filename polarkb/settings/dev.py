from .base import *  # noqa: F403
from .base import env

# Visitors' view by default: the site's own 404 and 500 pages. DEBUG=1 shows Django's.
DEBUG = env.get("DEBUG") == "1"
SERVE_MEDIA = True
SECRET_KEY = env.get("SECRET_KEY", "insecure-development-key-do-not-use-in-production")
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
if not env.get("EMAIL_URL"):
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# `make run` creates one demo user per role (demo/users.py); never in production.
DEMO_USERS = True
