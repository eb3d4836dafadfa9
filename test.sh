#!/usr/bin/env bash
# The test command: every test project in the solution (unit, integration against a real Azurite that the
# fixture starts, infrastructure checks), then the figures the reliability tests printed, and one line
# "N passed, N failed" summed over all of them. The console logger runs at detailed verbosity so that a test's
# output (the reliability figures) is shown; extra arguments go to dotnet test (e.g. --filter Category=Reliability).
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log=$(mktemp)
trap 'rm -f "$log"' EXIT
dotnet test HostingCalls.sln --logger "console;verbosity=detailed" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Per project, the detailed console logger ends with "Total tests: 63", then "     Passed: 62", "     Failed: 1",
# "    Skipped: 0" (the lines with a zero count left out) and " Total time: ...".
read -r projects passed failed skipped < <(awk '
  /^Total tests: [0-9]+$/ { n++; inside = 1; next }
  inside && /^[[:space:]]+Passed: [0-9]+$/ { p += $2 }
  inside && /^[[:space:]]+Failed: [0-9]+$/ { f += $2 }
  inside && /^[[:space:]]+Skipped: [0-9]+$/ { s += $2 }
  /^[[:space:]]*Total time:/ { inside = 0 }
  END { print n+0, p+0, f+0, s+0 }' "$log")
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # the build or a test host failed before reporting
fi
echo ""
if grep -q '^ *figures ' "$log"; then
  echo "reliability figures:"
  grep '^ *figures ' "$log" | sed -E 's/^ *figures /  /'
fi
echo "test projects reported: $projects"
if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
exit "$status"
