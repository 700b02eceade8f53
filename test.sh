#!/usr/bin/env bash
# SecureServing's one test command. Usage: ./test.sh
#
# Restores every project. A project whose only restore failures are Pulumi packages missing from the
# configured NuGet sources (NU1101/NU1102/NU1103 for Pulumi, Pulumi.Gcp, Pulumi.Kubernetes, Pulumi.Random) is
# skipped, and one line names each skipped project and why. Any other failure fails the run.
#
#   SECURE_SERVING_REQUIRE_PULUMI=1   turns that skip into a failure (use it in CI where the public NuGet gallery is reachable).
#
# The upstream-schema tests (trait Category=UpstreamSchemas) validate every generated Kubernetes object against the
# upstream CRD / OpenAPI files, found at $SECURE_SERVING_SCHEMAS or ../shared/schemas. Without them those tests are
# filtered out and named on the same SKIPPED line.
#   SECURE_SERVING_REQUIRE_SCHEMAS=1  turns that skip into a failure.
#
# Property tests (CsCheck) draw their inputs from one run seed: $SECURE_SERVING_PROPERTY_SEED if set, else a fixed seed
# when CI is set, else a random one. The seed is printed at the start and beside the summary; a red run replays with
#   SECURE_SERVING_PROPERTY_SEED=<printed seed> ./test.sh
#
# Restores every project in one run, builds the restorable ones in one build (warnings are errors), runs the restorable
# test projects side by side, and ends with one
# summary line: "Total: N passed, N failed, N skipped". Exits non-zero on any failure.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
require_pulumi="${SECURE_SERVING_REQUIRE_PULUMI:-0}"
require_schemas="${SECURE_SERVING_REQUIRE_SCHEMAS:-0}"
log_dir="$(mktemp -d)"
trap 'rm -rf "$log_dir"' EXIT

mapfile -t projects < <(find components infra tests -name '*.csproj' -not -path '*/bin/*' -not -path '*/obj/*' | sort)
if [ "${#projects[@]}" -eq 0 ]; then
  echo "test.sh: no projects found" >&2
  exit 1
fi

name_of() { basename "$1" .csproj; }
is_test_project() { grep -q '<IsTestProject>true</IsTestProject>' "$1"; }

restored=()
skipped=()
missing_packages=()
status=0

# The CI seed is Property.CiSeed in tests/SecureServing.Core.Tests/Properties/Property.cs (a test keeps them equal).
ci_property_seed=20261201
if [ -z "${SECURE_SERVING_PROPERTY_SEED:-}" ]; then
  if [ -n "${CI:-}" ]; then
    SECURE_SERVING_PROPERTY_SEED=$ci_property_seed
  else
    SECURE_SERVING_PROPERTY_SEED=$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')
  fi
fi
export SECURE_SERVING_PROPERTY_SEED
seed_line="Property-test seed: $SECURE_SERVING_PROPERTY_SEED (replay: SECURE_SERVING_PROPERTY_SEED=$SECURE_SERVING_PROPERTY_SEED ./test.sh)"
echo "$seed_line"

# A solution of the given projects (absolute paths), so one MSBuild run restores or builds them all.
solution_of() {
  echo '<Solution>'
  for proj in "$@"; do echo "  <Project Path=\"$PWD/$proj\" />"; done
  echo '</Solution>'
}

echo "== restore"
# One restore of every project; NuGet prefixes each error with the project it belongs to.
solution_of "${projects[@]}" >"$log_dir/all.slnx"
dotnet restore "$log_dir/all.slnx" >"$log_dir/restore.log" 2>&1
restore_rc=$?
attributed=0
for proj in "${projects[@]}"; do
  errors=$(grep -F "$PWD/$proj : error " "$log_dir/restore.log" | sed 's/ \[[^]]*\]$//' | sort -u)
  if [ -z "$errors" ]; then
    restored+=("$proj")
    continue
  fi
  attributed=1
  # Skippable only if every error is "Unable to find package Pulumi*".
  other=$(printf '%s\n' "$errors" | grep -v -E 'error NU110[123]: Unable to find package Pulumi(\.[A-Za-z]+)?[ .]' | grep -v '^$' || true)
  if [ -z "$other" ]; then
    skipped+=("$(name_of "$proj")")
    while read -r pkg; do missing_packages+=("$pkg"); done < <(printf '%s\n' "$errors" | grep -oE 'Unable to find package Pulumi(\.[A-Za-z]+)?' | sed 's/Unable to find package //')
  else
    echo "restore failed: $proj" >&2
    printf '%s\n' "$other" >&2
    status=1
  fi
done
if [ "$restore_rc" -ne 0 ] && [ "$attributed" -eq 0 ]; then
  echo "restore failed" >&2
  cat "$log_dir/restore.log" >&2
  status=1
fi

skip_reasons=()
if [ "${#skipped[@]}" -gt 0 ]; then
  pkgs=$(printf '%s\n' "${missing_packages[@]}" | sort -u | paste -sd, - | sed 's/,/, /g')
  projs=$(printf '%s\n' "${skipped[@]}" | paste -sd, - | sed 's/,/, /g')
  skip_reasons+=("$projs (the Pulumi packages they need, $pkgs, are not on the configured NuGet sources, so their compile and Pulumi tests did not run; SECURE_SERVING_REQUIRE_PULUMI=1 makes this a failure)")
  if [ "$require_pulumi" = "1" ]; then
    echo "test.sh: SECURE_SERVING_REQUIRE_PULUMI=1 and Pulumi packages could not be restored: $pkgs" >&2
    status=1
  fi
fi

schemas="${SECURE_SERVING_SCHEMAS:-../shared/schemas}"
test_filter=()
if [ -d "$schemas" ]; then
  export SECURE_SERVING_SCHEMAS="$(cd "$schemas" && pwd)"
else
  test_filter=(--filter "Category!=UpstreamSchemas")
  skip_reasons+=("the upstream-schema tests (Category=UpstreamSchemas: the CRD and OpenAPI files were not found at $schemas; set SECURE_SERVING_SCHEMAS to their folder; SECURE_SERVING_REQUIRE_SCHEMAS=1 makes this a failure)")
  if [ "$require_schemas" = "1" ]; then
    echo "test.sh: SECURE_SERVING_REQUIRE_SCHEMAS=1 and no schemas at $schemas" >&2
    status=1
  fi
fi

skip_line=""
if [ "${#skip_reasons[@]}" -gt 0 ]; then
  skip_line="SKIPPED: $(printf '%s; ' "${skip_reasons[@]}" | sed 's/; $//')."
  [ "$status" -ne 0 ] && echo "$skip_line" >&2
fi
if [ "$status" -ne 0 ]; then
  exit "$status"
fi

echo "== build"
# One build of every restored project (a solution of just those, so MSBuild builds each once, in parallel where it can).
solution_of "${restored[@]}" >"$log_dir/restored.slnx"
if ! dotnet build "$log_dir/restored.slnx" --no-restore -nologo -v quiet -clp:ErrorsOnly >"$log_dir/build.log" 2>&1; then
  cat "$log_dir/build.log" >&2
  echo "build failed" >&2
  exit 1
fi

echo "== test"
# The test projects run at the same time (each in its own process; a project's own tests keep their ordering rules).
passed=0 failed=0 skipped_tests=0 ran=0
test_projects=() test_pids=()
for proj in "${restored[@]}"; do
  is_test_project "$proj" || continue
  test_projects+=("$proj")
  dotnet test "$proj" --no-build -nologo "${test_filter[@]}" >"$log_dir/$(name_of "$proj").test.log" 2>&1 &
  test_pids+=($!)
done
for i in "${!test_projects[@]}"; do
  proj="${test_projects[$i]}"
  out="$log_dir/$(name_of "$proj").test.log"
  wait "${test_pids[$i]}"
  rc=$?
  cat "$out"
  [ "$rc" -eq 0 ] || status=1
  # VSTest summary: "Passed!  - Failed:     0, Passed:   123, Skipped:     0, Total:   123, ..."
  summary=$(grep -E '(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+, +Skipped: +[0-9]+' "$out" | tail -1)
  if [ -z "$summary" ]; then
    echo "test.sh: no test summary from $proj (exit code $rc)" >&2
    status=1
    continue
  fi
  ran=$((ran + 1))
  f=$(sed -E 's/.*Failed: +([0-9]+).*/\1/' <<<"$summary")
  p=$(sed -E 's/.*Passed: +([0-9]+),.*/\1/' <<<"$summary")
  s=$(sed -E 's/.*Skipped: +([0-9]+).*/\1/' <<<"$summary")
  passed=$((passed + p)) failed=$((failed + f)) skipped_tests=$((skipped_tests + s))
done

echo
[ -n "$skip_line" ] && echo "$skip_line"
if [ "$ran" -eq 0 ]; then
  echo "test.sh: no test project ran" >&2
  status=1
fi
[ "$failed" -eq 0 ] || status=1
echo "$seed_line"
echo "Total: $passed passed, $failed failed, $skipped_tests skipped"
exit "$status"
