#!/usr/bin/env bash
# Debian packages the end-to-end and interop tests use. Idempotent; needs root.
# --no-install-recommends: the heartbeat package would otherwise pull in pacemaker.
set -euo pipefail
# resource-agents (a dependency of heartbeat too) has send_arp and send_ua, which agent-ipaddr runs for gratuitous
# ARPs; iputils-arping its duplicate-address probe (and the ARP fallback). apache2 is what agent-apache's tests
# start, each in a network namespace of its own with a private config: never in the root namespace.
# systemd brings systemd-notify (the daemon's READY=1 under Type=notify) and systemd-analyze (the unit's check);
# python3 plays systemd's notify socket in the reload test (Node cannot bind a UNIX datagram socket).
# passwd has useradd/groupadd, with which the control socket test makes its users (runuser: util-linux, essential).
packages=(heartbeat resource-agents socat tcpdump iproute2 iputils-ping iputils-arping nftables procps psmisc apache2 systemd python3 passwd)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  # policy-rc.d 101 keeps maintainer scripts from starting daemons (heartbeat) in the root namespace.
  policy=/usr/sbin/policy-rc.d
  had_policy=0; [ -e "$policy" ] && had_policy=1
  [ $had_policy = 1 ] || { printf '#!/bin/sh\nexit 101\n' > "$policy"; chmod +x "$policy"; }
  trap '[ $had_policy = 1 ] || rm -f "$policy"' EXIT
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# The Debian package enables and starts heartbeat; never let it run in the root namespace.
if command -v systemctl >/dev/null 2>&1; then systemctl disable --now heartbeat >/dev/null 2>&1 || true; fi
# The same for apache2: disabled, and not running in the root namespace.
if command -v systemctl >/dev/null 2>&1; then systemctl disable --now apache2 apache-htcacheclean >/dev/null 2>&1 || true; fi
# If the package's own apache2 started anyway (no systemd, no policy-rc.d honoured), stop that one, found by
# the package's pid file and only if it runs in this (the root) network namespace: never a test's apache2.
for pidfile in /run/apache2/apache2.pid /var/run/apache2/apache2.pid; do
  [ -r "$pidfile" ] || continue
  pid=$(tr -dc '0-9' < "$pidfile")
  if [ -z "$pid" ] || [ ! -d "/proc/$pid" ]; then continue; fi
  case "$(readlink "/proc/$pid/exe" 2>/dev/null)" in */apache2) ;; *) continue ;; esac
  [ "$(readlink "/proc/$pid/ns/net")" = "$(readlink /proc/self/ns/net)" ] || continue
  echo "install-system-deps: stopping the root-namespace apache2 (pid $pid) the package started" >&2
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 50); do [ -d "/proc/$pid" ] || break; sleep 0.1; done
  if [ -d "/proc/$pid" ]; then kill -KILL "$pid" 2>/dev/null || true; fi
done
