#!/usr/bin/env bash
# Smoke test: drive the real `debate-trainer` console script in tmux as a student would.
# Open the app, give a name (a first start), study the map and search it, start a quiz, answer, end the quiz, read the
# results, quit. Each step waits for the screen to show what it should; the first one that
# does not appear fails the test with the screen as it was.
#
#   scripts/tmux_smoke.sh            # uses .venv/bin/debate-trainer
#   DEBATE_TRAINER_BIN=... scripts/tmux_smoke.sh
#
# Exit status: 0 passed, 1 failed, 77 tmux is not installed (the pytest wrapper skips).
set -euo pipefail

name=smoke
poll=0.2
# shellcheck source=scripts/tmux_lib.sh
source "$(dirname "$0")/tmux_lib.sh"

keys() { t send-keys -t "$session" "$@"; }

t new-session -d -s "$session" -x 100 -y 30 \
    "env DEBATE_TRAINER_HOME='$home' TERM=xterm-256color '$bin'; sleep 0.5"

wait_for "What is your name?" 30       # a first start asks whose progress it is
keys -l "Sam Student"
keys Enter
wait_for "Start a quiz"                 # the home screen, with the modes
wait_for "Long-range strikes into Russia"
keys s
wait_for "Argument map"                # the study screen
wait_for "Model answer"
keys / K u r s k
wait_for "Kursk"
keys Escape Escape                     # clear the search, then back home
wait_for "Start a quiz"
keys Enter                             # the first mode: premises
wait_for "Premises quiz"
wait_for "What is the author's thesis?"  # the argument's first step
keys -l "the risks of the missile strikes outweigh the illusory benefits"
keys Enter
wait_for "How sure are you?"           # asked before each verdict: one key, or Enter
keys 4
wait_for "You wrote: the risks of the missile strikes"
keys Enter                             # on to the premises
wait_for "Named 0 of"
keys -l "the strikes risk escalation with Russia"
keys Enter
wait_for "How sure are you?"
keys Enter                             # Enter skips saying
wait_for "You wrote: the strikes risk escalation with Russia"
keys F2                                # a hint
wait_for "Hint 1 of"
keys Escape
wait_for "End this quiz now?"
keys y
wait_for "By kind of question"         # the results
wait_for "Practise these again"
keys Escape
wait_for "Start a quiz"
keys C-q
for _ in $(seq 1 50); do
    t has-session -t "$session" 2>/dev/null || { echo "ok: quit"; exit 0; }
    sleep 0.2
done
echo "FAILED: the app did not quit on Ctrl+Q" >&2
screen >&2
exit 1
