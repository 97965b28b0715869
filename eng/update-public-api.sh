#!/usr/bin/env bash
# Usage: eng/update-public-api.sh [project dir, default src/FluentRequests; e.g. src/FluentRequests.Testing]
# Brings <project dir>/PublicAPI.Unshipped.txt up to date with the code: builds the library and, for what the
# PublicApiAnalyzers report, adds a line for every undeclared public symbol (RS0016) and, for every declared symbol
# that no longer exists (RS0017), drops its Unshipped line or, when it had shipped, records it as *REMOVED*.
# Review the diff of the PublicAPI files: it is the change to the public surface. At a release, move the
# Unshipped lines into PublicAPI.Shipped.txt (and delete the shipped lines they mark *REMOVED*).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-src/FluentRequests}
shipped="$dir/PublicAPI.Shipped.txt"
unshipped="$dir/PublicAPI.Unshipped.txt"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
dotnet build "$dir" -c Release --no-incremental -p:TreatWarningsAsErrors=false >"$log" 2>&1 || true
symbols() { grep -o "$1: Symbol '[^']*'" "$log" | sed "s/^$1: Symbol '//; s/'\$//" | sort -u || true; }
added=$(symbols RS0016)
removed=$(symbols RS0017)
{
    grep -v '^#nullable enable$' "$unshipped" || true
    printf '%s\n' "$added"
    # A removed symbol that had shipped is recorded; one that never shipped simply goes.
    printf '%s\n' "$removed" | grep -xF -f <(grep -v '^#' "$shipped") | sed 's/^/*REMOVED*/' || true
} | grep -v '^$' | grep -vxF -f <(printf '%s\n' "$removed" | grep . || echo '\0') | sort -u >"$unshipped.body"
{ echo '#nullable enable'; cat "$unshipped.body"; } >"$unshipped"
rm -f "$unshipped.body"
echo "public API: $(printf '%s' "$added" | grep -c . || true) added, $(printf '%s' "$removed" | grep -c . || true) removed"
