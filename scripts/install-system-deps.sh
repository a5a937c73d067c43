#!/usr/bin/env bash
# Installs the system packages the test suite needs on a fresh Debian bookworm machine:
# PostgreSQL 15 with pgvector (built from Debian trixie's source package), redis-server,
# chromium (browser tests) and ffmpeg (video fixtures). Idempotent; safe to re-run.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"

need=()
for pkg in postgresql-15 postgresql-server-dev-15 redis-server chromium ffmpeg build-essential dpkg-dev; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config
if [ ! -f "$($PG_CONFIG --sharedir)/extension/vector.control" ]; then
  work=$(mktemp -d)
  mirror=$(grep -hoE '^deb(-src)? +(\[[^]]*\] +)?[a-z]+://[^ ]+' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | head -1 | awk '{print $NF}' || true)
  if [ -z "$mirror" ]; then
    mirror=$(grep -hoE '^URIs: *[^ ]+' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1 | awk '{print $2}' || true)
  fi
  mirror=${mirror:-http://deb.debian.org/debian}
  mkdir -p "$work/lists/partial"
  echo "deb-src $mirror trixie main" > "$work/sources.list"
  apt_opts=(-o "Dir::Etc::SourceList=$work/sources.list" -o "Dir::Etc::SourceParts=-" -o "Dir::State::Lists=$work/lists")
  $SUDO apt-get "${apt_opts[@]}" update -qq
  (cd "$work" && apt-get "${apt_opts[@]}" source -qq --download-only pgvector && dpkg-source -x --no-check ./pgvector_*.dsc src >/dev/null)
  (cd "$work/src" && make -s PG_CONFIG=$PG_CONFIG OPTFLAGS="" >/dev/null && $SUDO make -s PG_CONFIG=$PG_CONFIG install >/dev/null)
  rm -rf "$work"
fi
echo "system dependencies ready"
