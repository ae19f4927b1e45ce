#!/usr/bin/env bash
# Recognizer throughput and peak memory: reads all 2,000 Kursk appeals once (after the gazetteer is built) and prints
# the time, then the process's peak RSS. Compare runs side by side: run it on the baseline commit and on yours.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build src/Otklik.Cli -c Release -v q --nologo -clp:ErrorsOnly >&2
/usr/bin/time -v dotnet src/Otklik.Cli/bin/Release/net10.0/Otklik.Cli.dll places --eval 2>&1 \
  | grep -E "texts in|Maximum resident|Elapsed \(wall"
