# Shared by compare-cli.sh and compare-tools.sh (sourced, not run). Expects ROOT (the
# package root) and NAME (the calling script's name, for messages) to be set.

# find_cli: sets CLI to the arabic-text to time and BUILT_FROM to where it came from.
# ARABIC_TEXT_CLI, when set, is used as it is; otherwise the working tree of ROOT is built
# with `swift build -c release` (which waits on SwiftPM's lock if another build is running).
find_cli() {
    if [[ -n ${ARABIC_TEXT_CLI:-} ]]; then
        CLI=$ARABIC_TEXT_CLI
        BUILT_FROM="given as ARABIC_TEXT_CLI"
        [[ -x $CLI ]] || { echo "$NAME: ARABIC_TEXT_CLI=$CLI is not executable" >&2; exit 2; }
    else
        echo "Building arabic-text (release)..." >&2
        (cd "$ROOT" && swift build -c release --product arabic-text >&2) ||
            { echo "$NAME: swift build -c release failed in $ROOT" >&2; exit 1; }
        CLI="$(cd "$ROOT" && swift build -c release --show-bin-path)/arabic-text"
        BUILT_FROM="working tree of $ROOT at $(git -C "$ROOT" log -1 --format=%h 2>/dev/null || echo '?')"
        if [[ -n $(git -C "$ROOT" status --porcelain -- Sources Package.swift 2>/dev/null) ]]; then
            BUILT_FROM+=" with uncommitted changes"
        fi
    fi
}

# machine_summary: one line, "N cores, CPU, memory; Swift; ICU".
machine_summary() {
    local icu swift_version
    icu=$(pkg-config --modversion icu-uc 2>/dev/null || echo unknown)
    swift_version=$(swift --version 2>/dev/null | head -1)
    echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/^Mem:/ { print $2 }') GiB; ${swift_version:-Swift unknown (not on PATH)}; ICU $icu."
}
