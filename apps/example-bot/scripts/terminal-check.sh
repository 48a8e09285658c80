#!/usr/bin/env bash
# The bot on a real terminal (tmux), as a person sees it: it takes the
# alternate screen, fits 80x24, fits again after a resize to 60x12, and a
# double Ctrl-C gives the terminal back (cursor shown, alternate screen off)
# with exit code 130. Slow (tens of seconds), so not part of `pnpm test`;
# .ci/run runs it where tmux exists.
set -euo pipefail
export LC_ALL=C.UTF-8
cd "$(dirname "$0")/.."
app=$(pwd)
session="example-bot-check-$$"
fail() {
  echo "terminal check FAILED: $*" >&2
  tmux capture-pane -p -t "$session" >&2 || true
  tmux kill-session -t "$session" 2>/dev/null || true
  exit 1
}
wait_for() { # pattern, seconds
  for _ in $(seq 1 $(($2 * 2))); do
    tmux capture-pane -p -t "$session" | grep -Eq "$1" && return 0
    sleep 0.5
  done
  return 1
}
fits() { # columns rows
  local lines
  lines=$(tmux capture-pane -p -t "$session" | sed -e 's/[[:space:]]*$//' | awk 'NF' | wc -l)
  [ "$lines" -le "$2" ] || fail "$lines lines on a $2-row terminal"
  local line
  while IFS= read -r line; do
    # Characters, not bytes: the title's '·' is two bytes in UTF-8.
    [ "${#line}" -le "$1" ] || fail "a line wider than $1 columns: $line"
  done < <(tmux capture-pane -p -t "$session")
}
state() { tmux display -p -t "$session" "$1"; }

command -v tmux >/dev/null || { echo "terminal check skipped: no tmux"; exit 0; }
tmux new-session -d -s "$session" -x 80 -y 24 "bash --norc --noprofile"
tmux send-keys -t "$session" "cd '$app' && node --conditions=@kraken-sockets/source --import tsx src/main.ts; echo EXIT=\$?" Enter
wait_for 'BOOK BTC/USD in sync' 120 || fail "no synced book on the screen within 120 s"
[ "$(state '#{alternate_on}')" = 1 ] || fail "not on the alternate screen"
[ "$(state '#{cursor_flag}')" = 0 ] || fail "cursor shown while drawing"
fits 80 24
tmux resize-window -t "$session" -x 60 -y 12
sleep 2
fits 60 12
wait_for '^kraken-sockets example bot' 10 || fail "no title after the resize"
tmux send-keys -t "$session" C-c
tmux send-keys -t "$session" C-c
wait_for '^EXIT=' 60 || fail "did not exit after a double Ctrl-C"
# The second Ctrl-C forces an exit (130) unless the first one's clean stop
# already finished (0): which one wins is the machine's timing, not the bot's.
# Either way the terminal must come back below.
tmux capture-pane -p -t "$session" | grep -Eq '^EXIT=(0|130)$' || fail "exit code is neither 0 (clean stop) nor 130 (forced)"
[ "$(state '#{alternate_on}')" = 0 ] || fail "still on the alternate screen"
[ "$(state '#{cursor_flag}')" = 1 ] || fail "cursor still hidden"
tmux kill-session -t "$session"
echo "terminal check passed: alternate screen, fits 80x24 and 60x12, double Ctrl-C restores the terminal"
