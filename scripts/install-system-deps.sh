#!/usr/bin/env bash
# Debian packages the end-to-end and interop tests use. Idempotent; needs root.
# --no-install-recommends: the heartbeat package would otherwise pull in pacemaker.
set -euo pipefail
# resource-agents (a dependency of heartbeat too) has send_arp and send_ua, which agent-ipaddr runs for gratuitous
# ARPs; iputils-arping its duplicate-address probe (and the ARP fallback).
packages=(heartbeat resource-agents socat tcpdump iproute2 iputils-ping iputils-arping nftables procps psmisc)
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
