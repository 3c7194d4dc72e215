#!/usr/bin/env bash
# Installs what is missing before `npm start` / `npm test`, and nothing else:
# Debian packages (RabbitMQ; Chromium for tests) when run as root on
# Debian/Ubuntu, and the npm dependencies when node_modules is missing or
# older than package-lock.json. Usage: bootstrap.sh [start|test]
set -euo pipefail
cd "$(dirname "$0")/.."
purpose="${1:-start}"

missing=()
[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || [ -n "${WARREN_RABBITMQ_BIN:-}" ] || missing+=(rabbitmq-server)
if [ "$purpose" = test ] && [ ! -x /usr/bin/chromium ]; then missing+=(chromium fonts-liberation); fi

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "[bootstrap] installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    # The package's own service (rabbit@<host> on 5672) would take the origin's
    # ports on a machine with systemd; Warren runs its own two nodes instead.
    if [[ " ${missing[*]} " == *" rabbitmq-server "* ]]; then
      (systemctl disable --now rabbitmq-server || service rabbitmq-server stop) >/dev/null 2>&1 || true
    fi
  else
    echo "[bootstrap] missing: ${missing[*]}" >&2
    echo "  On Debian/Ubuntu, as root: apt-get install -y ${missing[*]}" >&2
    echo "  On Fedora: dnf install rabbitmq-server chromium; on macOS: brew install rabbitmq chromium" >&2
    echo "  (then set WARREN_RABBITMQ_BIN to the folder holding rabbitmq-server and rabbitmqctl)" >&2
    exit 1
  fi
fi

# Playwright drives Debian's Chromium: never download a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[bootstrap] installing npm dependencies (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi
