#!/bin/sh
# Writes the man page that release archives and packages carry into
# manpages/ (goreleaser runs this before it builds).
set -e
cd "$(dirname "$0")/.."
rm -rf manpages
mkdir manpages
go run ./cmd/aftercare man >manpages/aftercare.1
# The page is dated the day it is made; date it to the commit instead, so
# that the same commit gives the same archives whatever day they are built.
day=$(git log -1 --format=%cs 2>/dev/null || true)
if [ -n "$day" ]; then
	sed "1s/^\(\.TH [^ ]* [^ ]* \)\"[0-9-]*\"/\1\"$day\"/" manpages/aftercare.1 >manpages/aftercare.1.dated
	mv manpages/aftercare.1.dated manpages/aftercare.1
fi
# Compressed once written, so that a failing run stops above rather than
# leaving an empty page; -n leaves out the file's name and time.
gzip -9 -n manpages/aftercare.1
