"""``@@health``: for monitoring and load balancers, on the Zope root and on the site.

Answers 200 with a small JSON document when the database answers (its last transaction is
read), 503 when it does not. Never cached, never needs a login, names no content.
"""

from Products.Five.browser import BrowserView
import json
import logging
import time


logger = logging.getLogger(__name__)


class HealthView(BrowserView):
    def __call__(self):
        started = time.perf_counter()
        response = self.request.response
        response.setHeader("Content-Type", "application/json")
        response.setHeader("Cache-Control", "no-store")
        try:
            database = self.context._p_jar.db()
            storage = database.storage
            storage.lastTransaction()
            body = {
                "status": "ok",
                "storage": type(storage).__name__,
                "objects": database.objectCount(),
            }
        except Exception as error:
            logger.exception("Health check failed")
            response.setStatus(503)
            body = {"status": "error", "message": f"{type(error).__name__}: {error}"}
        body["elapsed_ms"] = round((time.perf_counter() - started) * 1000, 2)
        return json.dumps(body)
