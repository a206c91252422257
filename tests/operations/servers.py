"""Real Zope instances, a ZEO server and PostgreSQL for the operations tests.

The configurations are the ones buildout generates for the deployment (instance/<part>/etc/),
with the addresses and data folders moved to the test's own temporary folder and free ports,
so that the tests start exactly what a partner runs, and never touch instance/var.
"""

from pathlib import Path
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
import Zope2.Startup.serve


ROOT = Path(__file__).resolve().parents[2]
INSTANCE = ROOT / "instance"
PYTHON = ROOT / ".venv" / "bin" / "python"
SERVE = Path(Zope2.Startup.serve.__file__)
ADMIN = ("admin", "admin")
SITE_ID = "Plone"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(check, seconds=120, what="the server"):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.25)
    raise TimeoutError(f"{what} did not answer within {seconds} s")


def relocate(text, moves):
    for old, new in moves.items():
        text = text.replace(old, new)
    return text


class Zope:
    """One Zope instance of a buildout part, on its own port and folder, over a given storage.

    ``storage`` replaces the part's ``<zodb_db main>`` section; None keeps the part's own.
    """

    def __init__(self, part, folder, storage=None, moves=None):
        self.part = part
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        for sub in ("log", "cache"):
            (self.folder / sub).mkdir(exist_ok=True)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = None
        etc = INSTANCE / part / "etc"
        moves = {
            str(INSTANCE / f"{part}-var"): str(self.folder),
            str(INSTANCE / "var"): str(self.folder),
            **(moves or {}),
        }
        conf = relocate((etc / "zope.conf").read_text(), moves)
        if storage is not None:
            conf = re.sub(r"<zodb_db main>.*?</zodb_db>", storage, conf, flags=re.S)
        for defined in re.findall(r"%define CLIENTHOME (\S+)", conf):
            Path(defined).mkdir(parents=True, exist_ok=True)
        self.conf = self.folder / "zope.conf"
        self.conf.write_text(conf)
        wsgi = relocate((etc / "wsgi.ini").read_text(), moves)
        wsgi = re.sub(r"fast-listen = \S+", f"listen = 127.0.0.1:{self.port}", wsgi)
        wsgi = wsgi.replace(str(etc / "zope.conf"), str(self.conf))
        self.wsgi = self.folder / "wsgi.ini"
        self.wsgi.write_text(wsgi)
        self.interpreter = INSTANCE / part / "bin" / "interpreter"
        self.env = dict(
            os.environ, CHAMELEON_CACHE=str(self.folder / "cache"), ADMIN_PASSWORD=ADMIN[1]
        )

    def run(self, code, timeout=600):
        """Run Python inside Zope (as ``bin/instance run`` does), with ``app`` defined."""
        prologue = (
            "from Zope2.Startup.run import configure_wsgi; "
            f"configure_wsgi(r'{self.conf}'); import Zope2; app = Zope2.app(); "
        )
        done = subprocess.run(
            [str(PYTHON), str(self.interpreter), "-c", prologue + code],
            cwd=ROOT,
            env=self.env,
            timeout=timeout,
            capture_output=True,
            text=True,
        )
        if done.returncode:
            raise RuntimeError(f"Zope script failed ({done.returncode}):\n{done.stderr[-4000:]}")
        return done

    def create_site(self):
        self.run(
            "import sys; sys.argv = ['setup-site.py', '--no-demo']; "
            "exec(compile(open('scripts/setup-site.py').read(), 'setup-site.py', 'exec'))"
        )

    def start(self):
        log = open(self.folder / "log" / "console.log", "ab")  # noqa: SIM115 - kept for the process
        self.process = subprocess.Popen(
            [str(PYTHON), str(self.interpreter), str(SERVE), str(self.wsgi)],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        wait_until(self.healthy, what=f"Zope on port {self.port}")
        return self

    def healthy(self):
        if self.process is not None and self.process.poll() is not None:
            log = (self.folder / "log" / "console.log").read_text()[-3000:]
            raise RuntimeError(f"Zope exited with {self.process.returncode}:\n{log}")
        try:
            with urllib.request.urlopen(f"{self.url}/@@health", timeout=5) as response:
                return json.load(response)["status"] == "ok"
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return False

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def kill(self):
        """SIGKILL: no clean shutdown, as when the machine loses power."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()
        self.process = None


def filestorage(folder):
    """A FileStorage with blobs in ``folder`` (made if missing), as a <zodb_db main> section."""
    (Path(folder) / "filestorage").mkdir(parents=True, exist_ok=True)
    (Path(folder) / "blobstorage").mkdir(parents=True, exist_ok=True)
    return (
        "<zodb_db main>\n    cache-size 30000\n    <blobstorage>\n"
        f"      blob-dir {folder}/blobstorage\n      <filestorage>\n"
        f"        path {folder}/filestorage/Data.fs\n      </filestorage>\n"
        "    </blobstorage>\n    mount-point /\n</zodb_db>"
    )


def copy_storage(source, target):
    """Copy a FileStorage and its blobs (the site template) into a new folder."""
    target = Path(target)
    (target / "filestorage").mkdir(parents=True, exist_ok=True)
    shutil.copy2(Path(source) / "filestorage" / "Data.fs", target / "filestorage" / "Data.fs")
    shutil.copytree(Path(source) / "blobstorage", target / "blobstorage", dirs_exist_ok=True)


class ZEOServer:
    """The zeoserver part's ZEO server on a free port, serving a copy of the site template."""

    def __init__(self, folder):
        self.folder = Path(folder)
        self.port = free_port()
        moves = {str(INSTANCE / "zeo-var"): str(self.folder)}
        conf = relocate((INSTANCE / "zeoserver" / "etc" / "zeo.conf").read_text(), moves)
        conf = re.sub(r"address \S+", f"address 127.0.0.1:{self.port}", conf, count=1)
        (self.folder / "log").mkdir(parents=True, exist_ok=True)
        self.conf = self.folder / "zeo.conf"
        self.conf.write_text(conf)
        # The part's runzeo names its own zeo.conf: a copy names this one.
        script = (INSTANCE / "zeoserver" / "bin" / "runzeo").read_text()
        script = re.sub(r'CONFIG_FILE="[^"]*"', f'CONFIG_FILE="{self.conf}"', script)
        self.script = self.folder / "runzeo"
        self.script.write_text(script)
        self.script.chmod(0o755)
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [str(self.script)],
            cwd=ROOT,
            stdout=open(self.folder / "log" / "console.log", "ab"),  # noqa: SIM115
            stderr=subprocess.STDOUT,
        )

        def listening():
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return True
            except OSError:
                return False

        wait_until(listening, what="the ZEO server")
        return self

    def client_moves(self):
        """How a zeoclient part's configuration reaches this server and its blobs."""
        generated = (INSTANCE / "zeoclient1" / "etc" / "zope.conf").read_text()
        address = re.search(r"server (\S+)", generated).group(1)
        return {
            str(INSTANCE / "zeo-var"): str(self.folder),
            f"server {address}": f"server 127.0.0.1:{self.port}",
        }

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(30)


class PostgreSQL:
    """Debian's PostgreSQL: started when it is not running, one new database per use."""

    role = "clusterpolisee"
    password = "clusterpolisee"

    def __init__(self):
        if not self.ready():
            clusters = subprocess.run(
                ["pg_lsclusters", "--no-header"], capture_output=True, text=True, check=True
            ).stdout.split()
            if not clusters:
                version = sorted(os.listdir("/usr/lib/postgresql"))[-1]
                subprocess.run(
                    ["pg_createcluster", version, "main"], check=True, capture_output=True
                )
                clusters = [version, "main"]
            subprocess.run(["pg_ctlcluster", clusters[0], clusters[1], "start"], check=True)
            wait_until(self.ready, what="PostgreSQL")
        self.sql(
            "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'clusterpolisee') THEN "
            f"CREATE ROLE clusterpolisee LOGIN PASSWORD '{self.password}'; END IF; END $$;"
        )

    @staticmethod
    def ready():
        return subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1"]).returncode == 0

    @staticmethod
    def sql(statement):
        subprocess.run(
            [
                "runuser",
                "-u",
                "postgres",
                "--",
                "psql",
                "-q",
                "-v",
                "ON_ERROR_STOP=1",
                "-c",
                statement,
            ],
            check=True,
            capture_output=True,
        )

    def create_database(self, name):
        self.sql(f"DROP DATABASE IF EXISTS {name}")
        self.sql(f"CREATE DATABASE {name} OWNER {self.role}")
        return f"dbname='{name}' user='{self.role}' host='127.0.0.1' password='{self.password}'"

    def drop_database(self, name):
        self.sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def relstorage_moves(dsn):
    """How the relstorage part's configuration reaches a given database."""
    generated = (INSTANCE / "relstorage" / "etc" / "zope.conf").read_text()
    return {re.search(r"dsn (.+)", generated).group(1).strip(): dsn}


def convert_to_relstorage(source, dsn, folder):
    """Copy a FileStorage into RelStorage with RelStorage's zodbconvert (the migration path)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    config = folder / "zodbconvert.conf"
    config.write_text(
        "%import relstorage\n"
        f"<filestorage source>\n  path {source}/filestorage/Data.fs\n"
        f"  blob-dir {source}/blobstorage\n</filestorage>\n"
        f"<relstorage destination>\n  blob-dir {folder}/blobcache\n  shared-blob-dir false\n"
        f"  <postgresql>\n    dsn {dsn}\n  </postgresql>\n</relstorage>\n"
    )
    subprocess.run(
        [str(ROOT / "bin" / "zodbconvert"), str(config)],
        check=True,
        capture_output=True,
        timeout=600,
    )


class Varnish:
    """Varnish with the platform's VCL (scripts/varnish.py) in front of a Zope server."""

    def __init__(self, backend, folder):
        import importlib.util

        spec = importlib.util.spec_from_file_location(
            "varnish_script", ROOT / "scripts" / "varnish.py"
        )
        script = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(script)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.argv = script.command(f"127.0.0.1:{self.port}", backend, folder, "64m")
        self.folder = Path(folder)
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            self.argv,
            stdout=open(self.folder / "varnish.log", "ab"),  # noqa: SIM115
            stderr=subprocess.STDOUT,
        )

        def answering():
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return True
            except OSError:
                return False

        wait_until(answering, what="Varnish")
        return self

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(30)
