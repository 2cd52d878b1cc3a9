#!/usr/bin/env bash
# Fail early, with the list of Debian packages to install, when the machine lacks one the
# portal needs: WeasyPrint's Pango libraries, a font with č š ž, gettext, and Python's venv.
set -u
missing=()
command -v python3 >/dev/null 2>&1 || missing+=("python3")
python3 -c "import venv, ensurepip" >/dev/null 2>&1 || missing+=("python3-venv")
command -v msgfmt >/dev/null 2>&1 || missing+=("gettext")
ldconfig -p 2>/dev/null | grep -q 'libpango-1.0.so' || missing+=("libpango-1.0-0")
ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1.0.so' || missing+=("libpangoft2-1.0-0")
if ! { command -v fc-list >/dev/null 2>&1 && fc-list :charset=10d 2>/dev/null | grep -q .; }; then
  missing+=("fonts-dejavu-core")
fi
if [ "${CHECK_TEST_TOOLS:-0}" = "1" ]; then
  command -v pdftotext >/dev/null 2>&1 || missing+=("poppler-utils")
  [ -x /usr/bin/chromium ] || missing+=("chromium")
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "This machine lacks system packages the portal needs: ${missing[*]}" >&2
  echo "Install them (Debian/Ubuntu) with:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi
