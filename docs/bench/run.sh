#!/usr/bin/env bash
# Runs the benchmarks behind docs/performance.md and regenerates it.
#
#	docs/bench/run.sh            # every command
#	docs/bench/run.sh solve run  # only the named ones
#
# Each command's standard output goes to docs/bench/NAME.txt, after a
# "command:" line that perfdoc prints above its tables. A command that
# fails or takes longer than its limit leaves only that line and a
# "status:" line, and the document lists it as not measured.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

# name, time limit, command.
commands=(
	"solve|20m|go test ./cmd/kiemnhiem -run '^\$' -bench 'Solve/.*/(commune|district|province)\$' -benchtime 3x -benchmem"
	"solve-country|10m|go test ./cmd/kiemnhiem -run '^\$' -bench 'Solve/.*/country' -benchtime 1x -benchmem -timeout 0"
	"solve-objective-country|20m|go test ./cmd/kiemnhiem -run '^\$' -bench 'SolveObjective/nd33-2023/.*/country' -benchtime 1x -benchmem -timeout 0"
	"run|20m|go test ./cmd/kiemnhiem -run '^\$' -bench 'Run/.*/(commune|district|province)\$' -benchtime 1x"
	"replans|20m|go test ./cmd/kiemnhiem -run '^\$' -bench Replans -benchtime 1x"
	"run-country|10m|go test ./cmd/kiemnhiem -run '^\$' -bench 'Run/(static|retirement-only)/country' -benchtime 1x -timeout 0"
	"rearrange|30m|go test ./rearrange -run '^\$' -bench 'Rearrange/province' -benchtime 1x -benchmem -timeout 0"
	"rearrange-country|30m|go test ./rearrange -run '^\$' -bench 'Rearrange/country/adjacency=true' -benchtime 1x -benchmem -timeout 0"
	"rearrange-synth|30m|go test ./internal/rearrangebench -run '^\$' -bench 'RearrangeSynth/.*/adjacency=true' -benchtime 1x -benchmem -timeout 0"
	"run-replan-country|10m|go test ./cmd/kiemnhiem -run '^\$' -bench 'Run/replan/country' -benchtime 1x -timeout 0"
)

want() {
	[ $# -eq 1 ] && return 0
	local n
	for n in "${@:2}"; do [ "$n" = "$1" ] && return 0; done
	return 1
}

for entry in "${commands[@]}"; do
	IFS='|' read -r name limit cmd <<<"$entry"
	want "$name" "$@" || continue
	out=docs/bench/$name.txt
	echo "+ $cmd" >&2
	{
		echo "command: $cmd"
		timeout "$limit" bash -c "$cmd"
	} >"$out.tmp"
	rc=$?
	if [ $rc -eq 0 ]; then
		mv "$out.tmp" "$out"
	else
		rm -f "$out.tmp"
		{
			echo "command: $cmd"
			echo "status: not measured (exit status $rc within $limit)"
		} >"$out"
	fi
done

go run ./internal/perfdoc -o docs/performance.md docs/bench
