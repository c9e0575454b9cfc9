#!/usr/bin/env bash
# check-fresh-machine.sh: proves the README's two commands work on a stock Debian 12.
#
# Builds a minimal Debian 12 (bookworm) root with debootstrap, copies this repository
# into it (without build directories or git metadata), and runs, inside a chroot:
#   ./scripts/run-example.sh      (setup + Release build + run an example)
#   ./scripts/test.sh             (setup + build + every test)
# Needs root (debootstrap and chroot) and network access to a Debian mirror.
#
# Usage: scripts/check-fresh-machine.sh [ROOT_DIR]     (default /var/tmp/clove-fresh)
# Environment: CLOVE_MIRROR (default http://deb.debian.org/debian),
#              CLOVE_FRESH_KEEP=1 to keep an existing root instead of rebuilding it.
# Exit status: 0 when both commands succeed inside the chroot.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
root="${1:-/var/tmp/clove-fresh}"
mirror="${CLOVE_MIRROR:-http://deb.debian.org/debian}"

if [[ $(id -u) -ne 0 ]]; then
  exec sudo --preserve-env=CLOVE_MIRROR,CLOVE_FRESH_KEEP "$0" "$@"
fi
if ! command -v debootstrap >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap
fi

mounted=()
cleanup() {
  local i
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l "${mounted[i]}" || true; done
}
trap cleanup EXIT

stamp() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }

if [[ ! -f "$root/.clove-bootstrapped" || "${CLOVE_FRESH_KEEP:-0}" != 1 ]]; then
  if [[ -d "$root" ]]; then
    stamp "removing old root $root"
    for m in proc sys dev/pts dev; do umount -l "$root/$m" 2>/dev/null || true; done
    rm -rf --one-file-system "$root"
  fi
  stamp "debootstrap bookworm into $root from $mirror"
  debootstrap --variant=minbase bookworm "$root" "$mirror"
  touch "$root/.clove-bootstrapped"
fi

stamp "copying the repository to $root/root/clove"
rm -rf "$root/root/clove"
mkdir -p "$root/root/clove"
tar -C "$repo" --exclude='./build*' --exclude='./.git' -cf - . | tar -C "$root/root/clove" -xf -

cp /etc/resolv.conf "$root/etc/resolv.conf"
for m in proc sys dev dev/pts; do
  mkdir -p "$root/$m"
  case $m in
    proc) mount -t proc proc "$root/proc" ;;
    sys) mount -t sysfs sys "$root/sys" ;;
    *) mount --bind "/$m" "$root/$m" ;;
  esac
  mounted+=("$root/$m")
done

run_in_root() {
  chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    LANG=C.UTF-8 bash -c "cd /root/clove && $1"
}

status=0
stamp "inside the chroot: ./scripts/run-example.sh"
if run_in_root ./scripts/run-example.sh; then stamp "run-example.sh: OK"; else
  stamp "run-example.sh: FAILED"; status=1; fi
stamp "inside the chroot: ./scripts/test.sh"
if run_in_root ./scripts/test.sh; then stamp "test.sh: OK"; else
  stamp "test.sh: FAILED"; status=1; fi
exit $status
