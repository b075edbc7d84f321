#!/bin/sh
# Generate configure and the Makefile templates from a clean clone.
set -e
cd "$(dirname "$0")"
autoreconf --install --force
# automake ships the TAP driver but does not install it by itself.
cp -f "$(automake --print-libdir)/tap-driver.sh" build-aux/tap-driver.sh
