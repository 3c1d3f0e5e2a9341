"""The project package: settings, URLs, WSGI, middleware and the site's chrome.

It wires the apps together and may import every one of them; no app imports it.
"""
