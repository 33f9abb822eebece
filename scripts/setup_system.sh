#!/usr/bin/env bash
# Installs the Debian packages the plugin, its demo and its tests need, for the
# Debian release this machine runs (12 "bookworm" or 13 "trixie" and later).
# Idempotent: does nothing when every package is already installed.
#
# QGIS_SUITE (optional) takes QGIS from another suite of the same release, e.g.
# QGIS_SUITE=trixie-backports for QGIS 3.44 LTR on Debian 13.
set -euo pipefail

. /etc/os-release
RELEASE="${VERSION_ID:-unknown}"
RELEASE="${RELEASE%%.*}"

COMMON=(
  qgis python3-qgis qgis-providers
  python3-pyproj python3-rasterio python3-pandas python3-venv
  fonts-dejavu-core xvfb xauth imagemagick poppler-utils qttools5-dev-tools pyqt5-dev-tools
)
case "$RELEASE" in
  12)
    # Debian 12's geopandas (0.12, shapely 1.8) is too old: shapely and pyogrio are
    # built in the venv against Debian's GEOS and GDAL (see Makefile), which needs these.
    EXTRA=(python3-dev libgeos-dev libgdal-dev build-essential)
    ;;
  *)
    # Debian 13 and later ship geopandas >= 1.0, shapely 2 and pyogrio built against
    # the same GDAL, GEOS and PROJ as QGIS: nothing is compiled.
    EXTRA=(python3-geopandas python3-pyogrio python3-shapely python3-pip python3-dask
           python3-distributed)
    ;;
esac
PACKAGES=("${COMMON[@]}" "${EXTRA[@]}")

missing=()
for pkg in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ -n "${QGIS_SUITE:-}" ]; then
  # QGIS from the chosen suite, also when an older QGIS is already installed.
  candidate="$(dpkg-query -W -f='${Version}' qgis 2>/dev/null || true)"
  wanted_file="/var/lib/flexwonen-qgis-suite"
  if [ "$(cat "$wanted_file" 2>/dev/null || true)" != "$QGIS_SUITE" ] || [ -z "$candidate" ]; then
    missing+=(qgis)
  fi
fi
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "Installing Debian $RELEASE packages: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
if [ -n "${QGIS_SUITE:-}" ]; then
  $SUDO apt-get install -y -q --no-install-recommends -t "$QGIS_SUITE" qgis python3-qgis qgis-providers
  echo "$QGIS_SUITE" | $SUDO tee /var/lib/flexwonen-qgis-suite >/dev/null
fi
$SUDO apt-get install -y -q --no-install-recommends "${PACKAGES[@]}"
