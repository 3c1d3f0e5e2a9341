"""Production web server settings (gunicorn reads this file from the working directory).

Every value comes from the environment; `make serve` and the README use it.
Threads serve requests that mostly wait on the database or the search engine;
the engine client keeps as many connections as there are threads
(SEARCH_CONNECTIONS_PER_NODE in the settings follows WEB_THREADS).
"""

import os

wsgi_app = "polarkb.wsgi:application"
bind = os.environ.get("BIND", "127.0.0.1:8000").split(",")
workers = int(os.environ.get("WEB_CONCURRENCY", os.cpu_count() or 2))
worker_class = "gthread"
threads = int(os.environ.get("WEB_THREADS", "8"))
timeout = int(os.environ.get("WEB_TIMEOUT", "30"))  # a worker silent this long is restarted
graceful_timeout = int(os.environ.get("WEB_GRACEFUL_TIMEOUT", "30"))
keepalive = int(os.environ.get("WEB_KEEPALIVE", "5"))
# Restart workers now and then, so a slow leak cannot grow for ever; not often, as a
# new worker starts with no kept pages (minutes apart at a few hundred requests/s).
max_requests = int(os.environ.get("WEB_MAX_REQUESTS", "100000"))
max_requests_jitter = max_requests // 10
# Load the site once (settings, catalogues) before forking the workers.
preload_app = True
accesslog = os.environ.get("WEB_ACCESS_LOG", "-") or None
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# No runtime control socket: it lives at one path per user, shared by every instance.
control_socket_disable = os.environ.get("WEB_CONTROL_SOCKET", "0") != "1"
