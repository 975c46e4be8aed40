#!/usr/bin/env bash
# The first quiz after launch keeps every character: start the app at 80x24, press Enter the
# moment the home screen appears and type a sentence at once, as a quick student does. The
# answer box must hold the whole sentence, and the verdict must quote it in full.
#
#   scripts/tmux_first_quiz.sh       # uses .venv/bin/debate-trainer
#   DEBATE_TRAINER_BIN=... scripts/tmux_first_quiz.sh
#
# Exit status: 0 passed, 1 failed, 77 tmux is not installed (the pytest wrapper skips).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
bin=${DEBATE_TRAINER_BIN:-$root/.venv/bin/debate-trainer}
command -v tmux >/dev/null 2>&1 || { echo "tmux is not installed" >&2; exit 77; }
[ -x "$bin" ] || { echo "no console script at $bin" >&2; exit 1; }

socket="debate-trainer-first-$$"   # a private tmux server: the user's sessions are untouched
session=first
home=$(mktemp -d)
unset TMUX
t() { tmux -L "$socket" "$@"; }
cleanup() { t kill-server >/dev/null 2>&1 || true; rm -rf "$home"; }
trap cleanup EXIT

screen() { t capture-pane -p -t "$session" 2>/dev/null || true; }

wait_for() {  # wait_for TEXT [SECONDS]: until the pane shows TEXT
    local text=$1 limit=${2:-20} waited=0
    until screen | grep -qF -- "$text"; do
        sleep 0.05
        waited=$((waited + 1))
        if [ "$waited" -ge $((limit * 20)) ]; then
            echo "FAILED: the screen never showed \"$text\"; it showed:" >&2
            screen >&2
            exit 1
        fi
    done
    echo "ok: $text"
}

sentence="the risks of the strikes outweigh their illusory benefits"
# A returning student: the name was given on an earlier start, so the home screen is first.
printf '{"student": "Sam Student"}\n' >"$home/settings.json"
t new-session -d -s "$session" -x 80 -y 24 \
    "env DEBATE_TRAINER_HOME='$home' TERM=xterm-256color '$bin'; sleep 0.5"

wait_for "Start a quiz" 30             # the first frame: Enter at once, then type at once
t send-keys -t "$session" Enter
t send-keys -t "$session" -l "$sentence"
wait_for "Premises quiz"
wait_for "$sentence"                   # every character in the answer box
t send-keys -t "$session" Enter
wait_for "You wrote: $sentence"
echo "ok: every character kept"
