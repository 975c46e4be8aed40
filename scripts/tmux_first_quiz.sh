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

name=first
poll=0.05
# shellcheck source=scripts/tmux_lib.sh
source "$(dirname "$0")/tmux_lib.sh"

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
wait_for "How sure are you?"           # one key before the verdict
t send-keys -t "$session" 3
wait_for "You wrote: $sentence"
wait_for "You were: fairly sure of it"
echo "ok: every character kept"
