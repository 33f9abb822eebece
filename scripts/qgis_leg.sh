#!/usr/bin/env bash
# Runs a make target of this project inside a Debian 13 root file system with the
# QGIS release users run (3.40 from trixie, 3.44 LTR from trixie-backports) and
# Debian's own GIS Python packages, as a fresh Debian 13 host would have them.
#
#   scripts/qgis_leg.sh 3.40 test      # the whole suite on QGIS 3.40
#   scripts/qgis_leg.sh 3.44 bench     # the benchmark on QGIS 3.44
#
# The root is built once with debootstrap and reused (LEG_ROOTS, default
# ~/.cache/flexwonen-legs: outside the work tree, shared by clones).
# The project is bind-mounted into the root; inside, `make` runs with its own venv
# (made from the root's Python, --system-site-packages) so that the host's .venv is
# never touched. The 3.44 root starts as a copy of the 3.40 one (same Debian base),
# then takes QGIS from trixie-backports.
set -euo pipefail

VERSION="${1:?usage: qgis_leg.sh 3.40|3.44 [make target...]}"
shift
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(test)

PROJECT="$(cd "$(dirname "$0")/.." && pwd)"
SHARED="$(cd "$PROJECT/.." && pwd)/shared"
ROOTS="${LEG_ROOTS:-${XDG_CACHE_HOME:-$HOME/.cache}/flexwonen-legs}"
SUITE=trixie
case "$VERSION" in
  3.40) QGIS_SUITE="" ;;
  3.44) QGIS_SUITE="trixie-backports" ;;
  *) echo "unknown QGIS leg '$VERSION' (3.40 or 3.44)" >&2; exit 2 ;;
esac
ROOT="$ROOTS/qgis-$VERSION"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

# The Debian mirror the host's apt already uses (never a fixed host name).
mirror() {
  local uri=""
  if compgen -G "/etc/apt/sources.list.d/*.sources" >/dev/null; then
    uri="$(grep -h '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}' \
           | grep -v -- '-security' | head -n1 || true)"
  fi
  if [ -z "$uri" ] && [ -f /etc/apt/sources.list ]; then
    uri="$(awk '$1=="deb" && $0 !~ /security/ {print $2; exit}' /etc/apt/sources.list || true)"
  fi
  echo "${uri%/}"
}

in_root() {
  $SUDO chroot "$ROOT" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin \
    LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"
}

MOUNTS=()
mount_all() {
  for dir in proc dev dev/pts dev/shm; do
    $SUDO mkdir -p "$ROOT/$dir"
    $SUDO mount --bind "/$dir" "$ROOT/$dir"
    MOUNTS=("$ROOT/$dir" "${MOUNTS[@]}")
  done
}
unmount_all() {
  for dir in "${MOUNTS[@]}"; do
    $SUDO umount -l "$dir" 2>/dev/null || true
  done
  MOUNTS=()
}
trap unmount_all EXIT

build_base() {
  local target="$1" uri
  uri="$(mirror)"
  [ -n "$uri" ] || { echo "no Debian mirror found in the host's apt sources" >&2; exit 1; }
  command -v debootstrap >/dev/null || {
    $SUDO apt-get update -q
    $SUDO apt-get install -y -q --no-install-recommends debootstrap
  }
  echo "Building a Debian $SUITE root in $target"
  rm -rf "$target.partial"
  $SUDO debootstrap --variant=minbase "$SUITE" "$target.partial" "$uri" >/dev/null
  printf 'deb %s %s main\ndeb %s %s-updates main\ndeb %s %s-backports main\n' \
    "$uri" "$SUITE" "$uri" "$SUITE" "$uri" "$SUITE" | $SUDO tee "$target.partial/etc/apt/sources.list" >/dev/null
  # pip inside the root uses the host's CA bundle as a file of its own.
  $SUDO cp /etc/ssl/certs/ca-certificates.crt "$target.partial/etc/host-ca-bundle.crt"
  $SUDO mv "$target.partial" "$target"
}

mkdir -p "$ROOTS"
# One run per root at a time: runs share the root's mounts and venv.
exec 9>"$ROOTS/qgis-$VERSION.lock"
flock 9

if [ ! -f "$ROOT/.leg-ready" ]; then
  if [ "$VERSION" = 3.44 ] && [ -f "$ROOTS/qgis-3.40/.leg-ready" ]; then
    echo "Copying the 3.40 root as the base of the 3.44 root"
    rm -rf "$ROOT"
    $SUDO cp -a "$ROOTS/qgis-3.40" "$ROOT.partial"
    $SUDO rm -f "$ROOT.partial/.leg-ready"
    $SUDO mv "$ROOT.partial" "$ROOT"
  elif [ ! -d "$ROOT" ]; then
    build_base "$ROOT"
  fi
  $SUDO touch "$ROOT/.leg-base"
fi

$SUDO mkdir -p "$ROOT/project" "$ROOT/shared"
mount_all
$SUDO mount --bind "$PROJECT" "$ROOT/project"; MOUNTS=("$ROOT/project" "${MOUNTS[@]}")
if [ -d "$SHARED" ]; then
  $SUDO mount --bind -o ro "$SHARED" "$ROOT/shared"; MOUNTS=("$ROOT/shared" "${MOUNTS[@]}")
fi

if [ ! -f "$ROOT/.leg-ready" ]; then
  # make itself; everything else is installed by the project's own set-up script,
  # exactly as on a fresh Debian 13 host.
  in_root apt-get update -q
  in_root apt-get install -y -q --no-install-recommends make ca-certificates
  in_root env QGIS_SUITE="$QGIS_SUITE" bash /project/scripts/setup_system.sh
  $SUDO touch "$ROOT/.leg-ready"
fi

echo "QGIS leg $VERSION: make ${TARGETS[*]}"
in_root env CI="${CI:-}" QGIS_SUITE="$QGIS_SUITE" PIP_CERT=/etc/host-ca-bundle.crt BENCH_ARGS="${BENCH_ARGS:-}" \
  ${PYTEST_ARGS:+PYTEST_ARGS="$PYTEST_ARGS"} \
  VENV=/opt/flexwonen-venv LEG="qgis-$VERSION" \
  make -C /project "${TARGETS[@]}"
