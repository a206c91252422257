"""Sessions and transport, over real HTTP on the demo site (authentication/sessions.py).

- The sign-in cookie (plone.session's ``__ac``) is HttpOnly and SameSite=Lax, from the login
  form, from ``POST @login`` and on logout's expiry; Secure when the site is addressed over HTTPS
  (Zope's VirtualHostMonster, as the TLS terminator sends it), not over plain HTTP.
- A member who makes no request for the idle time (control panel, ``session_idle_minutes``) is
  signed out, and told so; each request of an active member slides the ticket; REST tokens last
  the idle time; a new idle time holds at once. Anonymous answers never set a cookie.
- The README's deployment: nginx (deploy/nginx-tls.conf) with TLS and HSTS in front of Varnish
  (deploy/varnish.vcl) in front of Zope, started here on loopback: signing in over HTTPS, the
  shared cache for visitors, and a change purging the page served over HTTPS.
"""

from clusterpolisee.authentication.sessions import IDLE_RECORD
from clusterpolisee.demo.data import DEMO_PASSWORD
from datetime import timedelta
from pathlib import Path
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from Products.SiteAccess.VirtualHostMonster import manage_addVirtualHostMonster
from tests.operations.servers import free_port
from tests.operations.servers import Varnish
from tests.operations.servers import wait_until
import pytest
import requests
import shutil
import socket
import subprocess
import time
import time_machine
import transaction


ROOT = Path(__file__).resolve().parents[2]
MEMBER = "nikos.papadopoulos"
PRACTICE = "/repository/cluster-innovation-vouchers-in-the-north-east-region"  # published
JSON = {"Accept": "application/json", "Content-Type": "application/json"}


@pytest.fixture
def site(demo_functional, functional):
    """The demo site, with the VirtualHostMonster a Zope instance has at its root."""
    manage_addVirtualHostMonster(functional["app"], "virtual_hosting")
    transaction.commit()
    return functional


def plain_url(site):
    return f"http://{site['host']}:{site['port']}/plone"


def https_url(site, host="example.org:443"):
    """The site as a TLS terminator in front of it addresses it."""
    return (
        f"http://{site['host']}:{site['port']}/VirtualHostBase/https/{host}/plone/VirtualHostRoot"
    )


def set_cookies(response):
    """The answer's Set-Cookie headers: {name: (value, {attribute: value})}."""
    cookies = {}
    for header in response.raw.headers.getlist("Set-Cookie"):
        pair, *attributes = [part.strip() for part in header.split(";")]
        name, value = pair.split("=", 1)
        cookies[name] = (
            value,
            {key.lower(): val for key, _, val in (a.partition("=") for a in attributes)},
        )
    return cookies


def assert_hardened(response, secure):
    value, attributes = set_cookies(response)["__ac"]
    assert "httponly" in attributes, attributes
    assert attributes["samesite"] == "Lax", attributes
    assert ("secure" in attributes) is secure, attributes
    return value


def log_in(base, login=MEMBER):
    return requests.post(
        f"{base}/login",
        data={"__ac_name": login, "__ac_password": DEMO_PASSWORD, "buttons.login": "Log in"},
        allow_redirects=False,
    )


def signed_in(base, ticket):
    """Whether a page only members open answers with ``ticket``: (yes or no, the answer)."""
    answer = requests.get(
        f"{base}/@@personal-information", cookies={"__ac": ticket}, allow_redirects=False
    )
    return answer.status_code == 200, answer


def set_idle_minutes(minutes):
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        api.portal.set_registry_record(IDLE_RECORD, minutes)
    transaction.commit()


def test_sign_in_cookies_are_httponly_lax_and_secure_over_https(site):
    plain, https = plain_url(site), https_url(site)
    for base in (plain, https):
        anonymous = requests.get(base)
        assert anonymous.status_code == 200
        assert "Set-Cookie" not in anonymous.headers

    # Plain HTTP (make start on localhost): no Secure, or the browser would drop the cookie.
    answer = log_in(plain)
    assert answer.status_code == 302
    assert_hardened(answer, secure=False)

    # Addressed over HTTPS through a proxy: Secure, without any setting.
    answer = log_in(https)
    assert answer.status_code == 302
    assert answer.headers["Location"].startswith("https://example.org")
    ticket = assert_hardened(answer, secure=True)
    assert signed_in(plain, ticket)[0]

    # A program's sign-in: a token, and the same cookie.
    answer = requests.post(
        f"{https}/@login", json={"login": MEMBER, "password": DEMO_PASSWORD}, headers=JSON
    )
    assert answer.status_code == 200
    assert answer.json()["token"]
    assert_hardened(answer, secure=True)

    # Logging out expires the cookie with the same attributes.
    answer = requests.get(f"{https}/logout", cookies={"__ac": ticket}, allow_redirects=False)
    assert set_cookies(answer)["__ac"][1]["max-age"] == "0"
    assert_hardened(answer, secure=True)


def test_a_session_ends_after_the_idle_time(site):
    plain = plain_url(site)
    portal = site["portal"]
    # The installed default, 60 minutes, for tickets and tokens alike; then 5.
    assert portal.acl_users.session.timeout == portal.acl_users.jwt_auth.token_timeout == 3600
    set_idle_minutes(5)
    assert portal.acl_users.session.timeout == portal.acl_users.jwt_auth.token_timeout == 300
    with time_machine.travel(time.time(), tick=True) as clock:
        first = assert_hardened(log_in(plain), secure=False)
        answer = requests.post(
            f"{plain}/@login", json={"login": MEMBER, "password": DEMO_PASSWORD}, headers=JSON
        )
        assert "token" in answer.json(), answer.text
        token = answer.json()["token"]

        # Active: a request three minutes later gets a new ticket; another right after, none.
        clock.shift(timedelta(minutes=3))
        yes, answer = signed_in(plain, first)
        assert yes
        second = assert_hardened(answer, secure=False)
        assert second != first
        yes, answer = signed_in(plain, second)
        assert yes
        assert "__ac" not in set_cookies(answer)
        renewed = requests.post(
            f"{plain}/@login-renew", headers={**JSON, "Authorization": f"Bearer {token}"}
        ).json()["token"]

        # Six minutes after signing in: the first ticket and token have run out, the slid
        # ticket and the renewed token hold.
        clock.shift(timedelta(minutes=3))
        assert not signed_in(plain, first)[0]
        yes, answer = signed_in(plain, second)
        assert yes
        third = assert_hardened(answer, secure=False)

        def me(token):
            return requests.get(
                f"{plain}/++api++/@users/{MEMBER}",
                headers={"Accept": "application/json", "Authorization": f"Bearer {token}"},
            ).status_code

        assert me(token) == 401
        assert me(renewed) == 200

        # Five and a half minutes without a request: signed out, and told why at the login form.
        clock.shift(timedelta(minutes=5, seconds=30))
        yes, answer = signed_in(plain, third)
        assert not yes
        assert answer.status_code == 302
        assert "login" in answer.headers["Location"]
        cookies = set_cookies(answer)
        assert cookies["__ac"][1]["max-age"] == "0"  # the stale cookie goes
        login_page = requests.get(
            answer.headers["Location"],
            cookies={"statusmessages": cookies["statusmessages"][0]},
        )
        assert "signed out after 5 minutes without activity" in login_page.text
        # On a page anyone may see, the message is his alone: no cache keeps that copy.
        page = f"{plain}{PRACTICE}"
        answer = requests.get(page, cookies={"__ac": third})
        assert "signed out after 5 minutes" in answer.text
        assert "signed out after" not in requests.get(page).text

        # The coordinator sets a longer idle time: it holds from the next request on.
        set_idle_minutes(15)
        fourth = assert_hardened(log_in(plain), secure=False)
        clock.shift(timedelta(minutes=10))
        assert signed_in(plain, fourth)[0]

    # An anonymous answer sets nothing, whatever the idle time.
    assert "Set-Cookie" not in requests.get(plain).headers


def test_unreadable_basic_credentials_are_a_bad_request_with_a_message(site):
    """HTTP Basic credentials Zope cannot read (not base64, not UTF-8, no colon) got a 500 on
    every page; now a 400 that says what is wrong, as JSON and on the error page, in the
    visitor's language."""
    url = plain_url(site)
    message = "The Authorization header's Basic credentials are not a login and a password"
    for header in ("Basic !!!!", "Basic bm9jb2xvbg==", "Basic //79OjE=", "basic ::::"):
        answer = requests.get(
            f"{url}/@search", headers={**JSON, "Authorization": header}, timeout=60
        )
        assert answer.status_code == 400, header
        assert answer.json()["message"].startswith(message), header
        # Plone's short answer to what is not a browser's page: no message left for the next.
        answer = requests.get(f"{url}/en", headers={"Authorization": header}, timeout=60)
        assert answer.status_code == 400, header
        assert answer.json() == {"error_type": "BadRequest"}
        assert "statusmessages" not in answer.cookies
        for path in ("/en", "/working-groups/innovation-rd/wiki/no-such-page"):
            answer = requests.get(
                f"{url}{path}", headers={"Accept": "text/html", "Authorization": header}, timeout=60
            )
            assert answer.status_code == 400, (header, path)
            assert message.replace("'", "&#x27;") in answer.text or message in answer.text
            assert 'id="portal-logo"' in answer.text
    answer = requests.get(
        f"{url}/it",
        headers={"Accept": "text/html", "Authorization": "Basic !!!!"},
        cookies={"I18N_LANGUAGE": "it"},
        timeout=60,
    )
    assert answer.status_code == 400
    assert "non sono un nome utente e una password" in answer.text
    # Readable credentials, or none of Basic's, go on as before.
    member = requests.get(
        f"{url}/@users/{MEMBER}", headers=JSON, auth=(MEMBER, DEMO_PASSWORD), timeout=60
    )
    assert member.status_code == 200
    assert requests.get(f"{url}/en", headers={"Authorization": "Bearer a.b.c"}).status_code == 200


class Nginx:
    """nginx with deploy/nginx-tls.conf as the README has it, moved to loopback ports, a
    certificate made for the test, and the test's Varnish and site id."""

    def __init__(self, folder, varnish_port):
        self.folder = Path(folder)
        self.https_port, self.http_port = free_port(), free_port()
        self.certificate = self.folder / "cert.pem"
        self.public = f"https://localhost:{self.https_port}"
        key = self.folder / "key.pem"
        subprocess.run(
            [
                *("openssl", "req", "-x509", "-nodes", "-days", "1", "-subj", "/CN=localhost"),
                *("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"),
                *("-addext", "subjectAltName=DNS:localhost"),
                *("-keyout", str(key), "-out", str(self.certificate)),
            ],
            check=True,
            capture_output=True,
        )
        config = (ROOT / "deploy" / "nginx-tls.conf").read_text()
        moves = {
            "listen [::]:80;": "",
            "listen [::]:443 ssl http2;": "",
            "listen 80;": f"listen 127.0.0.1:{self.http_port};",
            "listen 443 ssl http2;": f"listen 127.0.0.1:{self.https_port} ssl;",
            "example.org": "localhost",
            "/etc/letsencrypt/live/localhost/fullchain.pem": str(self.certificate),
            "/etc/letsencrypt/live/localhost/privkey.pem": str(key),
            "127.0.0.1:6081": f"127.0.0.1:{varnish_port}",
            "/Plone/VirtualHostRoot": "/plone/VirtualHostRoot",
        }
        for old, new in moves.items():
            assert old in config, f"deploy/nginx-tls.conf no longer has {old!r}"
            config = config.replace(old, new)
        (self.folder / "site.conf").write_text(config)
        temp = self.folder / "nginx-temp"
        temp.mkdir()
        paths = "\n".join(
            f"  {kind}_temp_path {temp}/{kind};"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        (self.folder / "nginx.conf").write_text(
            f"pid {self.folder}/nginx.pid;\nerror_log {self.folder}/nginx-error.log;\n"
            "events { worker_connections 64; }\n"
            f"http {{\n  access_log off;\n{paths}\n  include {self.folder}/site.conf;\n}}\n"
        )
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        self.command = [nginx, "-e", "stderr", "-p", str(self.folder)]
        self.command += ["-c", str(self.folder / "nginx.conf")]
        self.process = None

    def start(self):
        check = subprocess.run([*self.command, "-t"], capture_output=True, text=True)
        assert check.returncode == 0, check.stderr
        # In the foreground, one process, as whoever runs the tests.
        self.process = subprocess.Popen(
            [*self.command, "-g", "daemon off; master_process off;"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

        def answering():
            assert self.process.poll() is None, (self.folder / "nginx-error.log").read_text()
            try:
                with socket.create_connection(("127.0.0.1", self.https_port), timeout=1):
                    return True
            except OSError:
                return False

        wait_until(answering, seconds=30, what="nginx")
        return self

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(30)


@pytest.fixture
def proxies(site, tmp_path):
    """Varnish in front of the test's Zope, nginx in front of Varnish."""
    varnish = Varnish(f"{site['host']}:{site['port']}", tmp_path / "varnish").start()
    try:
        nginx = Nginx(tmp_path, varnish.port).start()
        try:
            yield varnish, nginx
        finally:
            nginx.stop()
    finally:
        varnish.stop()


def test_behind_nginx_and_varnish_over_https(site, proxies):
    """deploy/nginx-tls.conf and deploy/varnish.vcl as the README puts them together."""
    portal = site["portal"]
    varnish, nginx = proxies
    public = nginx.public
    session = requests.Session()
    session.trust_env = False  # else REQUESTS_CA_BUNDLE, when set, wins over the test's certificate
    session.verify = str(nginx.certificate)

    # Plain HTTP only leads to HTTPS.
    answer = requests.get(f"http://localhost:{nginx.http_port}/news?x=1", allow_redirects=False)
    assert answer.status_code == 301
    assert answer.headers["Location"] == "https://localhost/news?x=1"

    # A visitor: the site answers as the public HTTPS address, with HSTS, from Varnish's cache.
    item = api.content.find(portal_type="BestPractice", review_state="published", sort_on="id")[0]
    path = item.getURL()[len(portal.absolute_url()) :]
    first = session.get(f"{public}{path}")
    assert first.status_code == 200
    assert first.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert f'href="{public}/' in first.text
    assert "Set-Cookie" not in first.headers
    assert session.get(f"{public}{path}").headers["X-Cache"] == "HIT"

    # A member signs in over HTTPS: a Secure cookie, pages that always reach Plone.
    answer = session.post(
        f"{public}/login",
        data={"__ac_name": MEMBER, "__ac_password": DEMO_PASSWORD, "buttons.login": "Log in"},
        allow_redirects=False,
    )
    assert answer.status_code == 302
    assert answer.headers["Location"].startswith(f"{public}")
    assert answer.headers["Strict-Transport-Security"]
    ticket = assert_hardened(answer, secure=True)
    session.cookies.clear()
    member = session.get(f"{public}{path}", cookies={"__ac": ticket})
    assert member.headers["X-Cache"] == "MISS"
    assert "Nikos Papadopoulos" in member.text

    # A change made over HTTPS purges the page served over HTTPS (purging with virtual host
    # addresses, as the README says to set it).
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        for name, value in (
            ("enabled", True),
            ("cachingProxies", (varnish.url,)),
            ("virtualHosting", True),
        ):
            api.portal.set_registry_record(
                f"plone.cachepurging.interfaces.ICachePurgingSettings.{name}", value
            )
    transaction.commit()
    edit = session.patch(
        f"{public}{path}",
        json={"title": "Renamed over HTTPS"},
        auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD),
        headers={"Accept": "application/json"},
    )
    assert edit.status_code == 204, edit.text

    def fresh():
        return "Renamed over HTTPS" in session.get(f"{public}{path}").text

    wait_until(fresh, seconds=15, what="the purged page")

    # Plone leaves the port 443 out of the addresses it purges; Varnish puts it back.
    vhm = f"{varnish.url}/VirtualHostBase/https/example.org:443/plone/VirtualHostRoot{path}"
    requests.get(vhm)
    assert requests.get(vhm).headers["X-Cache"] == "HIT"
    purge = requests.request("PURGE", vhm.replace("example.org:443", "example.org"))
    assert purge.status_code == 200
    assert requests.get(vhm).headers["X-Cache"] == "MISS"
