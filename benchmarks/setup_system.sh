#!/usr/bin/env bash
# Install the system tools the PDF and OCR benchmarks use, when missing (Debian/Ubuntu, as root).
#   poppler-utils          pdftotext, pdftoppm
#   tesseract-ocr          the OCR engine
#   tesseract-ocr-chi-sim  its Simplified Chinese model
#   fonts-wqy-microhei     a CJK font to render the test pages (5 MB; fonts-noto-cjk is 90 MB)
# The benchmark runs without them and says which parts it skipped.
set -euo pipefail

packages=(poppler-utils tesseract-ocr tesseract-ocr-chi-sim fonts-wqy-microhei)
missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "setup_system: all present (${packages[*]})"
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    echo "setup_system: run as root to install: ${missing[*]}" >&2
    exit 2
fi

echo "setup_system: installing ${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
