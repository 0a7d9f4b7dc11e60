#!/usr/bin/env bash
# Compiles and lints the Bicep infrastructure with the Bicep CLI restored from the NuGet package
# Azure.Bicep.CommandLine.linux-x64 (infra/tools/bicep.csproj) — no other download source.
# Fails on any diagnostic: error, warning or info. Output: infra/out/main.json (+ parameters).
# Also used by azure-pipelines.yml. Prints the CLI path as "bicep: <path>".
set -euo pipefail
cd "$(dirname "$0")/../.."

version=$(sed -n 's:.*<BicepVersion>\(.*\)</BicepVersion>.*:\1:p' infra/tools/bicep.csproj)
packages=${NUGET_PACKAGES:-$HOME/.nuget/packages}
bicep="$packages/azure.bicep.commandline.linux-x64/$version/tools/bicep"
if [ ! -f "$bicep" ]; then
  dotnet restore infra/tools/bicep.csproj -nologo -v quiet
  if [ ! -f "$bicep" ]; then
    packages=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')
    bicep="${packages%/}/azure.bicep.commandline.linux-x64/$version/tools/bicep"
  fi
fi
[ -f "$bicep" ] || { echo "bicep: CLI $version not found after restore (looked in $packages)" >&2; exit 1; }
[ -x "$bicep" ] || chmod u+x "$bicep"
echo "bicep: $bicep ($("$bicep" --version))"
# On Azure Pipelines, later steps (az deployment … with bicep.use_binary_from_path) use this CLI.
if [ "${TF_BUILD:-}" = "True" ]; then echo "##vso[task.prependpath]$(dirname "$bicep")"; fi

failed=0
# Runs one bicep command; any output on stdout/stderr is a diagnostic and fails the step.
check() {
  local out
  if ! out=$("$bicep" "$@" 2>&1) || [ -n "$out" ]; then
    echo "$out"
    echo "bicep: FAILED: bicep $*" >&2
    failed=1
  fi
}

mkdir -p infra/out
check build infra/main.bicep --outfile infra/out/main.json
for param in infra/*.bicepparam; do
  name=$(basename "$param" .bicepparam)
  check build-params "$param" --outfile "infra/out/$name.parameters.json"
done
# One process lints main.bicep, every module and every .bicepparam (startup dominates the time).
check lint --pattern 'infra/**/*.bicep*'

if [ "$failed" -ne 0 ]; then
  echo "bicep: build/lint reported diagnostics (see above)" >&2
  exit 1
fi
echo "bicep: build and lint clean ($(ls infra/modules/*.bicep | wc -l) modules)"
