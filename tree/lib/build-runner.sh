# shellcheck shell=bash
# SPDX-License-Identifier: GPL-2.0
# The package build in the background with a progress line, shared by
# pkg/build-debs and pkg/chroot-build. The caller sets ME and calls
# stop_build from its EXIT trap.

BUILD_PID=""

# run_build LOG CMD...: CMD (a command or a function) in the background in
# a process group of its own, its output in LOG; every 60 s a line with the
# newest "== " step debian/rules printed and the compile steps so far.
# Returns CMD's exit status.
run_build() {
	local log=$1 start=$SECONDS last=$SECONDS rc=0
	shift
	set -m
	"$@" >"$log" 2>&1 &
	BUILD_PID=$!
	set +m
	while kill -0 "$BUILD_PID" 2>/dev/null; do
		sleep 2
		if [ $((SECONDS - last)) -ge 60 ]; then
			last=$SECONDS
			echo "$ME:   $((SECONDS - start))s: $(grep -E '^== ' "$log" | tail -n 1 | cut -c4-)," \
				"$(grep -cE '^  (CC|LD|AS)' "$log" || true) compile steps"
		fi
	done
	wait "$BUILD_PID" || rc=$?
	BUILD_PID=""
	return "$rc"
}

# stop_build: ends a build still running (its whole process group).
stop_build() {
	if [ -n "$BUILD_PID" ] && kill -0 "$BUILD_PID" 2>/dev/null; then
		kill -TERM -- "-$BUILD_PID" 2>/dev/null || kill -TERM "$BUILD_PID" 2>/dev/null || true
		wait "$BUILD_PID" 2>/dev/null || true
	fi
	BUILD_PID=""
}
