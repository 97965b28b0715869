#!/usr/bin/env bash
# Lists the NuGet packages of every project in FluentRequests.sln that have a newer version on the registry:
# `dotnet list package --outdated` over the solution (it restores first). Stable versions only; pass
# --include-prerelease (or any other option of `dotnet list package`) to widen it. It changes nothing: to move a
# package, edit its version in Directory.Packages.props (central package management), then build with
# -warnaserror, run the whole suite and start the benchmarks (`dotnet run -c Release --project
# benchmarks/FluentRequests.Benchmarks -- --list flat`), and say in the commit what changed in behaviour.
# Two rows are expected and stay: Microsoft.CodeAnalysis.CSharp, pinned to the SDK's Roslyn on purpose (see the
# comment in Directory.Packages.props), and WireMock.Net 2.x, whose restore needs a package the registry does not
# serve (1.25.0 is the newest that restores; try 2.x again when this script lists it). Needs the .NET SDK and the
# package registry.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet list FluentRequests.sln package --outdated "$@"
