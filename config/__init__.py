"""The project's configuration: settings, root URLs, WSGI and ASGI. No models, no views."""
