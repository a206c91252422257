#!/usr/bin/env bash
# Install the Debian packages the platform needs when they are missing.
#   system-packages.sh          what `make install` needs (Python's venv module)
#   system-packages.sh test     and what the tests need (Chromium for the browser tests,
#                               gettext's msgfmt for the catalogs, npm for axe-core,
#                               PostgreSQL for RelStorage, Varnish in front of the instances,
#                               nginx and openssl for HTTPS in front of Varnish, wrk for the
#                               load benchmark)
set -euo pipefail
python=${PYTHON:-python3.11}
missing=()
"$python" -c "import venv, ensurepip" >/dev/null 2>&1 || missing+=(python3-venv)
if [ "${1:-}" = "test" ]; then
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v msgfmt >/dev/null 2>&1 || missing+=(gettext)
  command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
  command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql)
  [ -x /usr/sbin/varnishd ] || missing+=(varnish)
  [ -x /usr/sbin/nginx ] || missing+=(nginx)
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)
  command -v wrk >/dev/null 2>&1 || missing+=(wrk)
fi
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing Debian packages: ${missing[*]}"
# One apt at a time: `make test` installs these while buildout runs, and the Python venv's
# packages may be asked for at the same moment.
lock=/tmp/clusterpolisee-apt.lock
$sudo flock "$lock" apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo flock "$lock" apt-get install -y -qq "${missing[@]}" >/dev/null
