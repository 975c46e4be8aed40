# Shared by the tmux scripts: a private tmux server, its clean-up, and waiting for a screen.
# Source it after setting `name` (the script's short name); it sets root, bin, session,
# home and the functions t, screen and wait_for. `poll` (seconds between looks) may be set
# first; the default suits most steps.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bin=${DEBATE_TRAINER_BIN:-$root/.venv/bin/debate-trainer}
command -v tmux >/dev/null 2>&1 || { echo "tmux is not installed" >&2; exit 77; }
[ -x "$bin" ] || { echo "no console script at $bin" >&2; exit 1; }

socket="debate-trainer-$name-$$"   # a private tmux server: the user's sessions are untouched
session=$name
home=$(mktemp -d)
unset TMUX
t() { tmux -L "$socket" "$@"; }
cleanup() { t kill-server >/dev/null 2>&1 || true; rm -rf "$home"; }
trap cleanup EXIT

screen() { t capture-pane -p -t "$session" 2>/dev/null || true; }

poll=${poll:-0.2}
wait_for() {  # wait_for TEXT [SECONDS]: until the pane shows TEXT
    local text=$1 limit=${2:-20} waited=0 looks
    looks=$(awk -v l="$limit" -v p="$poll" 'BEGIN { printf "%d", l / p }')
    until screen | grep -qF -- "$text"; do
        sleep "$poll"
        waited=$((waited + 1))
        if [ "$waited" -ge "$looks" ]; then
            echo "FAILED: the screen never showed \"$text\"; it showed:" >&2
            screen >&2
            exit 1
        fi
    done
    echo "ok: $text"
}
