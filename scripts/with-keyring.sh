#!/usr/bin/env bash
# Runs a command with an unlocked gnome-keyring Secret Service on the current (private) session bus.
# Use inside dbus-run-session. The keyring lives in a throwaway XDG_DATA_HOME.
set -euo pipefail
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
    echo "with-keyring.sh: no session bus; run it as: dbus-run-session -- $0 COMMAND..." >&2
    exit 1
fi
if ! command -v gnome-keyring-daemon >/dev/null 2>&1; then
    echo "with-keyring.sh: gnome-keyring-daemon not found: install the Debian package gnome-keyring" \
         "(scripts/install-deps.sh --test installs dbus and gnome-keyring)" >&2
    exit 1
fi
keyring_home="$(mktemp -d)"
trap 'rm -rf "$keyring_home"' EXIT
export XDG_DATA_HOME="$keyring_home/data" XDG_RUNTIME_DIR="$keyring_home/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
# An outer with-keyring (scripts/test.sh wraps all of ctest) must not be reused: it serves another bus.
unset GNOME_KEYRING_CONTROL
# --unlock creates and unlocks the "login" keyring with the password read from stdin. The password
# must not be empty: with an empty one the daemon asks gcr-prompter for a password instead, which
# fails without a display and leaves no default collection (writes then fail with
# "Object does not exist at path /org/freedesktop/secrets/collection/login").
if ! daemon_env="$(printf '%s' "socketscope-test-keyring" |
                   gnome-keyring-daemon --unlock --components=secrets 2>"$keyring_home/daemon.log")"; then
    echo "with-keyring.sh: gnome-keyring-daemon failed to start:" >&2
    cat "$keyring_home/daemon.log" >&2
    exit 1
fi
eval "$daemon_env"
export GNOME_KEYRING_CONTROL 2>/dev/null || true

# Prove the daemon really serves the Secret Service with an unlocked default collection before running.
# NameHasOwner first: a method call to an unowned name would D-Bus-activate a second daemon.
served=""
for _ in $(seq 50); do
    if dbus-send --session --print-reply=literal --dest=org.freedesktop.DBus /org/freedesktop/DBus \
           org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q true &&
       alias_path="$(dbus-send --session --print-reply=literal --dest=org.freedesktop.secrets \
                     /org/freedesktop/secrets org.freedesktop.Secret.Service.ReadAlias \
                     string:default 2>/dev/null)" && [[ "$alias_path" == *"/collection/"* ]]; then
        served=yes
        break
    fi
    sleep 0.1
done
if [ -z "$served" ]; then
    echo "with-keyring.sh: gnome-keyring-daemon started but org.freedesktop.secrets has no default" \
         "collection on $DBUS_SESSION_BUS_ADDRESS" >&2
    cat "$keyring_home/daemon.log" >&2
    exit 1
fi
"$@"
