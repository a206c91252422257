"""A local mail catcher for a development site: what ``make start`` runs beside Zope.

An SMTP server on loopback keeps every message it receives as an ``.eml`` file in a folder
(``instance/var/mail/``); a small web server on another loopback port lists them, newest first,
and shows each one's text, so that an administrator reads in the browser the mail the site
sends (the link that confirms a registration, notifications). Nothing leaves the machine.

Run ``bin/clusterpolisee-mailcatcher --smtp-port 8025 --web-port 8026 --folder instance/var/mail``
(or ``python -m clusterpolisee.operations.mailcatcher``). ``make start`` points the site's mail
settings at it when the site has no SMTP server of its own (``demo/site.py``,
``use_mail_catcher``). A production site sets its SMTP server in Site Setup, "Mail".

Outside Zope: only the standard library and aiosmtpd.
"""

from aiosmtpd.controller import Controller
from email import message_from_bytes
from email import policy
from email.utils import parsedate_to_datetime
from html import escape
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler
from http.server import ThreadingHTTPServer
from pathlib import Path
import argparse
import os
import re
import secrets
import signal
import sys
import tempfile
import time


LOOPBACK = "127.0.0.1"
SMTP_PORT = 8025
WEB_PORT = 8026
# What a message is stored as: its arrival in nanoseconds (newest sorts last) and a random tail.
NAME = re.compile(r"^\d{20}-[0-9a-f]{8}\.eml$")
# Only web addresses become links; anything else in a message stays text.
WEB_ADDRESS = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)
# Punctuation that ends a sentence rather than an address.
TRAILING = ".,;:!?)]}"
# The pages run no script and load nothing from elsewhere.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; "
        "frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


class MailFolder:
    """The messages, one ``.eml`` file each, in ``path``."""

    def __init__(self, path):
        self.path = Path(path)
        self.path.mkdir(parents=True, exist_ok=True)

    def add(self, content, mail_from="", rcpt_tos=()):
        """Keep one message (its bytes as received); return its name. The envelope goes in
        front, as the headers a mail server adds on delivery."""
        envelope = (
            f"X-Envelope-From: <{mail_from}>\r\nX-Envelope-To: {', '.join(rcpt_tos)}\r\n"
        ).encode("ascii", "replace")
        name = f"{time.time_ns():020d}-{secrets.token_hex(4)}.eml"
        # Written aside, then renamed: the web page never reads half a message.
        with tempfile.NamedTemporaryFile(dir=self.path, suffix=".part", delete=False) as part:
            part.write(envelope + content)
        os.replace(part.name, self.path / name)
        return name

    def names(self):
        """The messages' names, newest first."""
        return sorted(
            (path.name for path in self.path.glob("*.eml") if NAME.match(path.name)), reverse=True
        )

    def read(self, name):
        """The message ``name`` (an ``email.message.EmailMessage``), or None."""
        if not NAME.match(name or ""):
            return None
        try:
            data = (self.path / name).read_bytes()
        except OSError:
            return None
        return message_from_bytes(data, policy=policy.default)


class Handler:
    """aiosmtpd's handler: every message goes to the folder."""

    def __init__(self, folder):
        self.folder = folder

    async def handle_DATA(self, server, session, envelope):
        self.folder.add(
            envelope.original_content or envelope.content, envelope.mail_from, envelope.rcpt_tos
        )
        return "250 Message accepted for delivery"


def header(message, name):
    """A header's text, decoded; "" when absent or unreadable."""
    try:
        return str(message.get(name, "") or "")
    except (ValueError, TypeError):
        return ""


def text_of(message):
    """The message's text: its plain part, else its HTML part (shown as source, never
    rendered), else nothing."""
    body = message.get_body(preferencelist=("plain", "html"))
    if body is None:
        return ""
    try:
        return body.get_content()
    except (LookupError, ValueError, TypeError):
        payload = body.get_payload(decode=True) or b""
        return payload.decode("utf-8", "replace")


def linked(text):
    """``text`` as HTML: escaped, with its http(s) addresses as links."""
    parts, start = [], 0
    for found in WEB_ADDRESS.finditer(text):
        address = found.group().rstrip(TRAILING)
        end = found.start() + len(address)
        parts.append(escape(text[start : found.start()]))
        parts.append(f'<a href="{escape(address)}" rel="noreferrer">{escape(address)}</a>')
        start = end
    parts.append(escape(text[start:]))
    return "".join(parts)


def received(name):
    """When the message ``name`` arrived, on this machine's clock, with its offset from UTC."""
    return time.strftime("%Y-%m-%d %H:%M:%S %z", time.localtime(int(name[:20]) / 1e9))


def sent(message, name):
    """When the message says it was sent (its Date header, with the sender's offset from UTC),
    else when it arrived."""
    try:
        return (
            parsedate_to_datetime(header(message, "Date")).strftime("%Y-%m-%d %H:%M:%S %z").strip()
        )
    except (TypeError, ValueError, IndexError):
        return received(name)


STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem; color: #1d1d1d; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #ccc; vertical-align: top; }
pre { white-space: pre-wrap; word-break: break-word; background: #f6f6f6; padding: 1rem; }
dl { display: grid; grid-template-columns: max-content auto; gap: .2rem 1rem; }
dt { font-weight: bold; }
a { color: #0b57d0; }
"""


def page(title, body):
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<link rel="icon" href="data:,">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head>"
        f"<body><main>{body}</main></body></html>"
    )


def listing_page(folder):
    rows = []
    for name in folder.names():
        message = folder.read(name)
        if message is None:
            continue
        subject = header(message, "Subject") or "(no subject)"
        to = header(message, "To") or header(message, "X-Envelope-To")
        rows.append(
            f"<tr><td>{escape(sent(message, name))}</td><td>{escape(to)}</td>"
            f'<td><a href="/message/{name}">{escape(subject)}</a></td></tr>'
        )
    if rows:
        table = (
            "<table><thead><tr><th scope='col'>Date</th><th scope='col'>To</th>"
            "<th scope='col'>Subject</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
        )
    else:
        table = "<p>No mail yet.</p>"
    count = f"{len(rows)} message{'' if len(rows) == 1 else 's'}, newest first."
    return page(
        "Mail catcher",
        f"<h1>Mail catcher</h1><p>The mail the site sent, kept on this machine. {count}</p>{table}",
    )


def message_page(message, name):
    subject = header(message, "Subject") or "(no subject)"
    fields = (
        ("From", header(message, "From")),
        ("To", header(message, "To") or header(message, "X-Envelope-To")),
        ("Date", sent(message, name)),
        ("Subject", subject),
    )
    details = "".join(f"<dt>{label}</dt><dd>{escape(value)}</dd>" for label, value in fields)
    return page(
        subject,
        f'<p><a href="/">All messages</a></p><h1>{escape(subject)}</h1><dl>{details}</dl>'
        f"<pre>{linked(text_of(message))}</pre>",
    )


class WebHandler(BaseHTTPRequestHandler):
    """``/``: the messages, newest first; ``/message/<name>``: one message."""

    server_version = "MailCatcher"

    def do_GET(self):
        folder = self.server.folder
        path = self.path.split("?", 1)[0]
        if path == "/":
            return self.answer(HTTPStatus.OK, listing_page(folder))
        if path.startswith("/message/"):
            name = path.removeprefix("/message/")
            message = folder.read(name)
            if message is not None:
                return self.answer(HTTPStatus.OK, message_page(message, name))
        return self.answer(
            HTTPStatus.NOT_FOUND,
            page("Not found", '<h1>Not found</h1><p><a href="/">All messages</a></p>'),
        )

    def answer(self, status, html):
        body = html.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        for name, value in SECURITY_HEADERS.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        """Quiet: Zope's console shares the terminal."""


class MailCatcher:
    """The SMTP server and the web server, each on loopback."""

    def __init__(self, folder, smtp_port=SMTP_PORT, web_port=WEB_PORT, host=LOOPBACK):
        self.folder = MailFolder(folder)
        self.host, self.smtp_port, self.web_port = host, smtp_port, web_port
        self.smtp = Controller(Handler(self.folder), hostname=host, port=smtp_port)
        self.web = None

    def start(self):
        self.web = ThreadingHTTPServer((self.host, self.web_port), WebHandler)
        self.web.daemon_threads = True
        self.web.folder = self.folder
        try:
            self.smtp.start()
        except BaseException:
            self.web.server_close()
            raise

    def serve_forever(self):
        self.web.serve_forever()

    def stop(self):
        self.smtp.stop(no_assert=True)
        self.web.server_close()

    @property
    def url(self):
        return f"http://{self.host}:{self.web_port}/"


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="clusterpolisee-mailcatcher",
        description="Keep the mail a development site sends, and show it in the browser.",
    )
    parser.add_argument("--smtp-port", type=int, default=SMTP_PORT, help="SMTP port (loopback)")
    parser.add_argument("--web-port", type=int, default=WEB_PORT, help="web page port (loopback)")
    parser.add_argument("--folder", default="instance/var/mail", help="where messages are kept")
    options = parser.parse_args(argv)
    catcher = MailCatcher(options.folder, options.smtp_port, options.web_port)
    try:
        catcher.start()
    except OSError as error:
        sys.exit(
            f"The mail catcher cannot listen on {LOOPBACK}:{options.smtp_port} (SMTP) and "
            f"{LOOPBACK}:{options.web_port} (web): {error}. Another one running? Choose other "
            "ports with MAIL_PORT and MAIL_WEB_PORT."
        )

    def stop(signum, frame):
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, stop)
    print(
        f"Mail catcher: SMTP on {LOOPBACK}:{catcher.smtp_port}; read the mail at {catcher.url}",
        flush=True,
    )
    try:
        catcher.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        catcher.stop()


if __name__ == "__main__":
    main()
