#!/bin/sh
# Writes the shell completions that release archives and packages carry
# into completions/ (goreleaser runs this before it builds).
set -e
cd "$(dirname "$0")/.."
rm -rf completions
mkdir completions
for shell in bash zsh fish; do
	go run ./cmd/aftercare completion "$shell" >"completions/aftercare.$shell"
done
