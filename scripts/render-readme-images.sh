#!/usr/bin/env bash
# Renders the README's pictures from the real files `relances demo` writes: the formal-notice letter
# (Word, through LibreOffice) and an account statement (PDF). Needs libreoffice-writer and
# poppler-utils (Debian packages). Usage: bash scripts/render-readme-images.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
node bin/relances.js demo --out "$work/demo" > /dev/null
soffice --headless --convert-to pdf --outdir "$work" "$work"/demo/courriers/mise-en-demeure-*.docx > /dev/null
# Page 2 of the formal notices is SCI Les Tilleuls, a business: penalties and EUR 40 are claimed.
pdftoppm -png -r 70 -f 2 -l 2 -singlefile "$work"/mise-en-demeure-*.pdf docs/images/mise-en-demeure
pdftoppm -png -r 70 -f 1 -l 1 -singlefile "$work"/demo/releves/releve-*-sci-les-tilleuls.pdf docs/images/releve-de-compte
ls -l docs/images
