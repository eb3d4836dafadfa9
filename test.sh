#!/usr/bin/env bash
# The test command: every test project in the solution (unit, integration against a real Azurite that the
# fixture starts, infrastructure checks), then one line "N passed, N failed" summed over all of them.
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log=$(mktemp)
trap 'rm -f "$log"' EXIT
dotnet test HostingCalls.sln "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Per project, dotnet test prints "Passed!  - Failed: 0, Passed: 63, Skipped: 0, Total: 63, ...".
read -r passed failed skipped < <(grep -E '(Passed|Failed)![[:space:]]+-[[:space:]]+Failed:' "$log" |
  sed -E 's/.*Failed:[[:space:]]*([0-9]+), Passed:[[:space:]]*([0-9]+), Skipped:[[:space:]]*([0-9]+).*/\2 \1 \3/' |
  awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
projects=$(grep -cE '(Passed|Failed)![[:space:]]+-[[:space:]]+Failed:' "$log")
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # the build or a test host failed before reporting
fi
echo ""
echo "test projects reported: $projects"
if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
exit "$status"
