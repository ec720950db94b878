#!/usr/bin/env bash
# One entry point on Linux: prerequisites, build, tests, samples.
#   ./build.sh prereq   check (and on Debian 12, as root, install) what TorchSharp needs
#   ./build.sh build    restore and build everything (Release)
#   ./build.sh test     build and run the MSTest suite; last line: "N passed, N failed"
#   ./build.sh run      train the DCGAN on the bundled MNIST (the main job), output in out/dcgan
#   ./build.sh samples ARGS...   run the Samples program with ARGS
set -euo pipefail
cd "$(dirname "$0")"

LIBSTDCXX=/usr/lib/x86_64-linux-gnu/libstdc++.so.6
NEEDED=GLIBCXX_3.4.32

has_needed_libstdcxx() {
  [ -f "$LIBSTDCXX" ] && grep -qa "$NEEDED" "$LIBSTDCXX"
}

prereq() {
  command -v dotnet >/dev/null || { echo "build.sh: the .NET 10 SDK (dotnet) is required" >&2; exit 1; }
  [ "$(uname -s)" = Linux ] || return 0
  has_needed_libstdcxx && return 0
  local os_id="" os_version=""
  if [ -r /etc/os-release ]; then . /etc/os-release; os_id="${ID:-}"; os_version="${VERSION_ID:-}"; fi
  if [ "$(id -u)" = 0 ] && [ "$os_id" = debian ] && [ "$os_version" = 12 ] && [ -f /etc/apt/sources.list.d/debian.sources ]; then
    echo "build.sh: TorchSharp 0.107 needs $NEEDED (libstdc++ of GCC 13+); installing libstdc++6 from Debian 13 (trixie)"
    # Reuse the machine's own Debian mirror (first stanza of debian.sources) with the suite set to trixie, pinned low
    # so that nothing else is taken from trixie.
    awk 'BEGIN{RS="";ORS="\n\n"} NR==1' /etc/apt/sources.list.d/debian.sources | sed 's/^Suites:.*/Suites: trixie/' \
      > /etc/apt/sources.list.d/trixie.sources
    printf 'Package: *\nPin: release n=trixie\nPin-Priority: 100\n' > /etc/apt/preferences.d/trixie
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -t trixie libstdc++6 >/dev/null
    has_needed_libstdcxx && return 0
  fi
  cat >&2 <<MSG
build.sh: $LIBSTDCXX lacks $NEEDED.
TorchSharp 0.107's native glue (libLibTorchSharp.so) needs the libstdc++ of GCC 13 or newer (Ubuntu 24.04, Debian 13,
Fedora 39); without it every TorchSharp call fails with "doesn't contain a reference to libtorch-cpu-linux-x64".
On Debian 12, as root:
  awk 'BEGIN{RS="";ORS="\n\n"} NR==1' /etc/apt/sources.list.d/debian.sources | sed 's/^Suites:.*/Suites: trixie/' \\
    > /etc/apt/sources.list.d/trixie.sources
  printf 'Package: *\nPin: release n=trixie\nPin-Priority: 100\n' > /etc/apt/preferences.d/trixie
  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y -t trixie libstdc++6
Elsewhere, install a libstdc++6 from GCC 13 or newer.
MSG
  exit 1
}

build() { dotnet build MlNetGan.sln -c Release -nologo -v quiet; }

run_tests() {
  local results=out/test-results
  rm -rf "$results"
  local rc=0
  dotnet test test/Microsoft.ML.Gan.Tests/Microsoft.ML.Gan.Tests.csproj -c Release -nologo \
    --logger "trx;LogFileName=results.trx" --results-directory "$results" || rc=$?
  summarize_trx "$results/results.trx"
  return $rc
}

# The plain totals line CI reads; taken from the TRX counters so that it does not depend on dotnet test's own wording.
summarize_trx() {
  local trx="$1" passed=0 failed=0
  if [ -f "$trx" ]; then
    local counters
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
    passed=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
    failed=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
    local errors timeouts aborted
    errors=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
    timeouts=$(sed -n 's/.* timeout="\([0-9]*\)".*/\1/p' <<<"$counters")
    aborted=$(sed -n 's/.* aborted="\([0-9]*\)".*/\1/p' <<<"$counters")
    failed=$(( ${failed:-0} + ${errors:-0} + ${timeouts:-0} + ${aborted:-0} ))
  else
    failed=1
  fi
  echo "${passed:-0} passed, ${failed} failed"
}

samples() { dotnet run --project src/Samples -c Release -- "$@"; }

action="${1:-build}"
shift || true
case "$action" in
  prereq) prereq ;;
  build) prereq; build ;;
  test) prereq; build; run_tests ;;
  run) prereq; build; samples dcgan --output out/dcgan "$@" ;;
  samples) prereq; build; samples "$@" ;;
  *) echo "usage: ./build.sh [prereq|build|test|run|samples ARGS...]" >&2; exit 2 ;;
esac
