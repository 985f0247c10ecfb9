# shellcheck shell=bash
# SPDX-License-Identifier: GPL-2.0
# A long build in the background with a progress line and cleanup, shared
# by tree/build-kernel, pkg/build-debs and pkg/chroot-build. The caller
# sets ME and calls stop_build from its EXIT trap.

BUILD_PID=""

# run_build [--every SECS] LOG CMD...: CMD (a command or a function) in the
# background in a process group of its own, its output in LOG; every SECS
# (default 60) a line on stderr with the time so far, the newest "== " step
# debian/rules printed (if any) and Kbuild's compile steps so far. Returns
# CMD's exit status.
run_build() {
	local every=60 log start=$SECONDS last=$SECONDS rc=0 step
	if [ "$1" = --every ]; then
		every=$2
		shift 2
	fi
	log=$1
	shift
	set -m
	"$@" >"$log" 2>&1 &
	BUILD_PID=$!
	set +m
	while kill -0 "$BUILD_PID" 2>/dev/null; do
		sleep 1
		if [ $((SECONDS - last)) -ge "$every" ]; then
			last=$SECONDS
			step=$(grep -E '^== ' "$log" | tail -n 1 | cut -c4-)
			echo "$ME:   $((SECONDS - start))s:${step:+ $step,}" \
				"$(grep -cE '^  (CC|LD|AS|HOSTCC) ' "$log" || true) compile steps" >&2
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
