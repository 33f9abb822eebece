#!/usr/bin/env bash
# Installs the Debian packages the plugin, its demo and its tests need.
# Idempotent: does nothing when every package is already installed.
set -euo pipefail
PACKAGES=(
  qgis python3-qgis qgis-providers
  python3-pyproj python3-rasterio python3-pandas python3-venv python3-dev
  libgeos-dev libgdal-dev
  fonts-dejavu-core xvfb xauth imagemagick poppler-utils qttools5-dev-tools pyqt5-dev-tools
)
missing=()
for pkg in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "Installing Debian packages: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
