"""The local mail catcher that ``make start`` runs (operations/mailcatcher.py), as a real process
on real sockets: it takes mail over SMTP, lists it on its web page newest first and shows each
message escaped, with links for web addresses only. And ``make start``'s mail settings
(demo/site.py, ``use_mail_catcher``): a fresh site's mail goes to the catcher, a site with its
own SMTP server keeps it."""

from clusterpolisee.demo.site import MAIL_CATCHER_SENDER
from clusterpolisee.demo.site import use_mail_catcher
from contextlib import contextmanager
from email.message import EmailMessage
from pathlib import Path
from plone import api
import re
import smtplib
import socket
import subprocess
import urllib.error
import urllib.request


# What `make start` runs (the console script buildout makes from setup.py).
MAIL_CATCHER = Path(__file__).resolve().parents[2] / "bin" / "clusterpolisee-mailcatcher"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RunningCatcher:
    def __init__(self, process, smtp_port, web_port, folder):
        self.process, self.smtp_port, self.web_port, self.folder = (
            process,
            smtp_port,
            web_port,
            folder,
        )
        self.url = f"http://127.0.0.1:{web_port}/"

    def get(self, path=""):
        """(status, headers, text) of a page of the catcher's web server."""
        try:
            with urllib.request.urlopen(self.url + path.lstrip("/"), timeout=10) as response:
                return response.status, response.headers, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode("utf-8")


def ports(smtp_port, web_port):
    return ["--smtp-port", str(smtp_port), "--web-port", str(web_port)]


@contextmanager
def mail_catcher(folder):
    """The mail catcher as ``make start`` starts it, on free loopback ports, keeping its mail
    in ``folder``; stopped (SIGTERM, as make start's trap does) on leaving."""
    smtp_port, web_port = free_port(), free_port()
    process = subprocess.Popen(
        [MAIL_CATCHER, *ports(smtp_port, web_port), "--folder", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        # Its first line says it listens (or why it cannot).
        ready = process.stdout.readline()
        assert f"read the mail at http://127.0.0.1:{web_port}/" in ready, ready
        yield RunningCatcher(process, smtp_port, web_port, Path(folder))
    finally:
        process.terminate()
        process.wait(timeout=10)
        process.stdout.close()


def send(port, subject, to, text, html=None):
    message = EmailMessage()
    message["Subject"], message["From"], message["To"] = subject, "platform@example.org", to
    message.set_content(text)
    if html is not None:
        message.add_alternative(html, subtype="html")
    with smtplib.SMTP("127.0.0.1", port, timeout=10) as smtp:
        smtp.send_message(message)


def links(page):
    return re.findall(r'<a href="([^"]*)"', page)


class TestMailCatcher:
    def test_it_keeps_mail_and_shows_it_escaped_with_web_links_only(self, tmp_path):
        with mail_catcher(tmp_path / "mail") as catcher:
            status, _headers, page = catcher.get()
            assert status == 200
            assert "No mail yet." in page
            send(
                catcher.smtp_port,
                "Confirm your address",
                "Elena Popa <elena.popa@example.org>",
                "Set your password: http://localhost:8080/Plone/passwordreset/abc?x=1&y=2.\n",
            )
            send(
                catcher.smtp_port,
                'New registrant <script>alert("x")</script> & co',
                "platform.coordinator@example.org",
                "Approve at https://platform.example.org/@@member-approvals, not at "
                'javascript:alert(1) nor ftp://files.example.org/x nor "><img src=x '
                "onerror=alert(1)> <b>bold</b>\n",
                html='<p><a href="javascript:alert(2)">Approve</a></p>',
            )
            # Kept as files: one .eml per message, the envelope in front.
            stored = sorted(catcher.folder.glob("*.eml"))
            assert len(stored) == 2
            assert b"X-Envelope-To: elena.popa@example.org" in stored[0].read_bytes()

            status, headers, page = catcher.get()
            assert status == 200
            assert headers["Content-Type"] == "text/html; charset=utf-8"
            # The page runs no script, whatever a message holds.
            assert "default-src 'none'" in headers["Content-Security-Policy"]
            assert "2 messages, newest first." in page
            # Newest first, each with its recipient and its subject, escaped.
            newest = page.index("New registrant &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;")
            assert newest < page.index("Confirm your address")
            assert "<script>" not in page
            assert "platform.coordinator@example.org" in page
            assert "Elena Popa &lt;elena.popa@example.org&gt;" in page
            messages = [link for link in links(page) if link.startswith("/message/")]
            assert messages == [f"/message/{path.name}" for path in reversed(stored)]

            status, _headers, shown = catcher.get(messages[0])
            assert status == 200
            # Only the http(s) address is a link, without the sentence's comma; the rest is text.
            assert links(shown) == ["/", "https://platform.example.org/@@member-approvals"]
            assert "javascript:alert(1) nor ftp://files.example.org/x" in shown
            assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt; &lt;b&gt;bold&lt;/b&gt;" in shown
            assert "<img" not in shown
            assert "<b>" not in shown
            # The text part is shown, not the HTML one.
            assert "alert(2)" not in shown

            _status, _headers, shown = catcher.get(messages[1])
            assert links(shown) == [
                "/",
                "http://localhost:8080/Plone/passwordreset/abc?x=1&amp;y=2",
            ]
            assert "To</dt><dd>Elena Popa &lt;elena.popa@example.org&gt;" in shown

            # Nothing but its own messages: no other file, no other path.
            for path in ("/message/../../../etc/passwd", "/message/x.eml", "/etc/passwd"):
                assert catcher.get(path)[0] == 404, path

            # A second catcher on the same ports says what to do.
            second = subprocess.run(
                [MAIL_CATCHER, *ports(catcher.smtp_port, catcher.web_port), "--folder", tmp_path],
                capture_output=True,
                text=True,
                timeout=30,
            )
            assert second.returncode != 0
            assert "MAIL_PORT and MAIL_WEB_PORT" in second.stderr
        # Stopped as make start stops it, cleanly.
        assert catcher.process.returncode == 0


class TestMailSettings:
    """``make start`` (scripts/setup-site.py --mail-port) on the site's mail settings."""

    def test_a_fresh_site_sends_to_the_catcher(self, portal):
        assert use_mail_catcher(portal, 8025) is True
        assert api.portal.get_registry_record("plone.smtp_host") == "127.0.0.1"
        assert api.portal.get_registry_record("plone.smtp_port") == 8025
        assert api.portal.get_registry_record("plone.email_from_address") == MAIL_CATCHER_SENDER
        assert api.portal.get_registry_record("plone.email_from_name") == portal.Title()
        # Registration no longer says the site has no valid e-mail setup.
        assert portal.unrestrictedTraverse("@@overview-controlpanel").mailhost_warning() is False
        # Started again on another port: still the catcher's setting, so it follows.
        assert use_mail_catcher(portal, 9025) is True
        assert api.portal.get_registry_record("plone.smtp_port") == 9025

    def test_a_site_with_its_own_smtp_server_keeps_it(self, portal):
        api.portal.set_registry_record("plone.smtp_host", "smtp.example.eu")
        api.portal.set_registry_record("plone.smtp_port", 587)
        api.portal.set_registry_record("plone.email_from_address", "platform@example.eu")
        assert use_mail_catcher(portal, 8025) is False
        assert api.portal.get_registry_record("plone.smtp_host") == "smtp.example.eu"
        assert api.portal.get_registry_record("plone.smtp_port") == 587
        assert api.portal.get_registry_record("plone.email_from_address") == "platform@example.eu"

    def test_a_local_mail_server_with_a_sender_is_kept(self, portal):
        # localhost:25 is Plone's default, and a real server's too once a sender is set.
        api.portal.set_registry_record("plone.email_from_address", "platform@example.eu")
        assert use_mail_catcher(portal, 8025) is False
        assert api.portal.get_registry_record("plone.smtp_host") == "localhost"
        assert api.portal.get_registry_record("plone.smtp_port") == 25

    def test_the_catchers_setting_changed_in_site_setup_is_kept(self, portal):
        assert use_mail_catcher(portal, 8025) is True
        api.portal.set_registry_record("plone.smtp_host", "smtp.example.eu")
        assert use_mail_catcher(portal, 8025) is False
        assert api.portal.get_registry_record("plone.smtp_host") == "smtp.example.eu"
